import { Routes } from '@angular/router';

import { permissionGuard } from '../core/auth/auth-guards';
import { CampList } from './camp-list/camp-list';

export const campsRoutes: Routes = [
  { path: '', component: CampList, title: 'Camps · Relief Ledger' },
  {
    path: 'new',
    canActivate: [permissionGuard('camps.write')],
    loadComponent: () => import('./camp-form/camp-form').then((m) => m.CampForm),
    title: 'New camp · Relief Ledger',
  },
  {
    path: ':id',
    loadComponent: () => import('./camp-detail/camp-detail').then((m) => m.CampDetail),
    title: 'Camp · Relief Ledger',
  },
  {
    path: ':id/edit',
    canActivate: [permissionGuard('camps.write')],
    loadComponent: () => import('./camp-form/camp-form').then((m) => m.CampForm),
    title: 'Edit camp · Relief Ledger',
  },
];
