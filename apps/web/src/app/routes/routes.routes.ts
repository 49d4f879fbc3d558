import { Routes } from '@angular/router';

import { permissionGuard } from '../core/auth/auth-guards';
import { RouteList } from './route-list/route-list';

export const routesRoutes: Routes = [
  { path: '', component: RouteList, title: 'routes.title.list' },
  {
    path: 'new',
    canActivate: [permissionGuard('convoys.write')],
    loadComponent: () => import('./route-form/route-form').then((m) => m.RouteForm),
    title: 'routes.title.new',
  },
];
