import { Routes } from '@angular/router';

import { permissionGuard } from '../core/auth/auth-guards';
import { provideUploadProgressHttp } from '../core/http/upload-progress-http';
import { DistributionsApi } from './distributions-api';

export const distributionsRoutes: Routes = [
  {
    path: '',
    loadComponent: () => import('./distribution-list/distribution-list').then((m) => m.DistributionList),
    title: 'distributions.title.list',
  },
  {
    path: 'new',
    canActivate: [permissionGuard('distributions.write')],
    loadComponent: () => import('./distribution-form/distribution-form').then((m) => m.DistributionForm),
    title: 'distributions.title.new',
  },
  {
    path: 'import',
    canActivate: [permissionGuard('distributions.write')],
    // This page's DistributionsApi sends over XHR, the only way to see upload progress.
    providers: [...provideUploadProgressHttp(), DistributionsApi],
    loadComponent: () => import('./distribution-import/distribution-import').then((m) => m.DistributionImport),
    title: 'distributions.title.import',
  },
];
