import { Routes } from '@angular/router';

import { permissionGuard } from '../core/auth/auth-guards';
import { ConvoyBoard } from './convoy-board/convoy-board';

export const convoysRoutes: Routes = [
  { path: '', component: ConvoyBoard, title: 'Convoys · Relief Ledger' },
  {
    path: 'new',
    canActivate: [permissionGuard('convoys.write')],
    loadComponent: () => import('./convoy-form/convoy-form').then((m) => m.ConvoyForm),
    title: 'Plan a convoy · Relief Ledger',
  },
  {
    path: ':id',
    loadComponent: () => import('./convoy-page/convoy-page').then((m) => m.ConvoyPage),
    title: 'Convoy · Relief Ledger',
  },
];
