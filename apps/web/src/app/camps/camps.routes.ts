import { Routes } from '@angular/router';

import { CampList } from './camp-list/camp-list';

export const campsRoutes: Routes = [
  { path: '', component: CampList, title: 'Camps · Relief Ledger' },
  {
    path: 'new',
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
    loadComponent: () => import('./camp-form/camp-form').then((m) => m.CampForm),
    title: 'Edit camp · Relief Ledger',
  },
];
