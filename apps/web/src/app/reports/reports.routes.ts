import { Routes } from '@angular/router';

import { BARE_LAYOUT } from '../core/shell/bare-layout';
import { ReportList } from './report-list/report-list';

/** Loaded only for `/reports`, behind `permissionGuard('reports.export')` in `app.routes.ts`. */
export const reportsRoutes: Routes = [
  { path: '', component: ReportList, title: 'reports.title.list' },
  {
    path: ':report',
    loadComponent: () => import('./report-page/report-page').then((m) => m.ReportPage),
    title: 'reports.title.report',
  },
  {
    path: ':report/print',
    loadComponent: () => import('./report-print/report-print').then((m) => m.ReportPrint),
    data: BARE_LAYOUT,
    title: 'reports.title.report',
  },
];
