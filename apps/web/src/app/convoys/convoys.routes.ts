import { Routes } from '@angular/router';

import { permissionGuard } from '../core/auth/auth-guards';
import { ConvoyBoard } from './convoy-board/convoy-board';

export const convoysRoutes: Routes = [
  { path: '', component: ConvoyBoard, title: 'convoys.title.board' },
  {
    path: 'new',
    canActivate: [permissionGuard('convoys.write')],
    loadComponent: () => import('./convoy-form/convoy-form').then((m) => m.ConvoyForm),
    title: 'convoys.title.plan',
  },
  {
    path: ':id',
    loadComponent: () => import('./convoy-page/convoy-page').then((m) => m.ConvoyPage),
    // The page names the convoy once it has loaded.
    title: 'convoys.title.convoy',
  },
];
