import { Routes } from '@angular/router';

import { StockOverview } from './stock-overview/stock-overview';

export const stockRoutes: Routes = [
  { path: '', component: StockOverview, title: 'Stock · Relief Ledger' },
  {
    path: ':id',
    loadComponent: () => import('./stock-point-page/stock-point-page').then((m) => m.StockPointPage),
    title: 'Stock point · Relief Ledger',
  },
];
