import { Routes } from '@angular/router';

import { permissionGuard } from '../core/auth/auth-guards';
import { CampList } from './camp-list/camp-list';

export const campsRoutes: Routes = [
  { path: '', component: CampList, title: 'camps.title.list' },
  {
    path: 'new',
    canActivate: [permissionGuard('camps.write')],
    loadComponent: () => import('./camp-form/camp-form').then((m) => m.CampForm),
    title: 'camps.title.new',
  },
  {
    path: ':id',
    loadComponent: () => import('./camp-detail/camp-detail').then((m) => m.CampDetail),
    title: 'camps.title.detail',
  },
  {
    path: ':id/edit',
    canActivate: [permissionGuard('camps.write')],
    loadComponent: () => import('./camp-form/camp-form').then((m) => m.CampForm),
    title: 'camps.title.edit',
  },
];
