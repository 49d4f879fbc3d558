import { Routes } from '@angular/router';

import { permissionGuard } from '../core/auth/auth-guards';
import { IncidentList } from './incident-list/incident-list';

export const incidentsRoutes: Routes = [
  { path: '', component: IncidentList, title: 'incidents.title.list' },
  {
    path: 'new',
    canActivate: [permissionGuard('incidents.write')],
    loadComponent: () => import('./incident-form/incident-form').then((m) => m.IncidentForm),
    title: 'incidents.title.new',
  },
  {
    path: ':id',
    loadComponent: () => import('./incident-page/incident-page').then((m) => m.IncidentPage),
    title: 'incidents.title.incident',
  },
];
