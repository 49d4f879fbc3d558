import { Routes } from '@angular/router';

import { StockOverview } from './stock-overview/stock-overview';

export const stockRoutes: Routes = [
  { path: '', component: StockOverview, title: 'stock.title.overview' },
  {
    path: ':id',
    loadComponent: () => import('./stock-point-page/stock-point-page').then((m) => m.StockPointPage),
    title: 'stock.title.point',
  },
];
