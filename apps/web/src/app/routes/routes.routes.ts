import { Routes } from '@angular/router';

import { permissionGuard } from '../core/auth/auth-guards';
import { RouteList } from './route-list/route-list';

export const routesRoutes: Routes = [
  { path: '', component: RouteList, title: 'Routes · Relief Ledger' },
  {
    path: 'new',
    canActivate: [permissionGuard('convoys.write')],
    loadComponent: () => import('./route-form/route-form').then((m) => m.RouteForm),
    title: 'New route · Relief Ledger',
  },
];
