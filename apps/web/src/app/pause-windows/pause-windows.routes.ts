import { Routes } from '@angular/router';

import { permissionGuard } from '../core/auth/auth-guards';
import { PauseWindowList } from './pause-window-list/pause-window-list';

export const pauseWindowsRoutes: Routes = [
  { path: '', component: PauseWindowList, title: 'pause-windows.title.list' },
  {
    path: 'new',
    canActivate: [permissionGuard('windows.write')],
    loadComponent: () => import('./pause-window-form/pause-window-form').then((m) => m.PauseWindowForm),
    title: 'pause-windows.title.new',
  },
];
