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
  {
    path: ':id',
    loadComponent: () => import('./pause-window-page/pause-window-page').then((m) => m.PauseWindowPage),
    title: 'pause-windows.title.window',
  },
  {
    path: ':id/correct',
    canActivate: [permissionGuard('windows.write')],
    loadComponent: () => import('./pause-window-form/pause-window-form').then((m) => m.PauseWindowForm),
    title: 'pause-windows.title.correct',
  },
];
