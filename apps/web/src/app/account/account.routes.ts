import { Routes } from '@angular/router';

import { permissionGuard } from '../core/auth/auth-guards';
import { ChangePasswordPage } from './change-password-page/change-password-page';

/** Loaded only for `/account`, behind `permissionGuard('account.self')` in `app.routes.ts`. */
export const accountRoutes: Routes = [
  { path: '', pathMatch: 'full', redirectTo: 'password' },
  { path: 'password', component: ChangePasswordPage, title: 'account.title.password' },
  {
    path: 'api-tokens',
    canActivate: [permissionGuard('tokens.self')],
    loadComponent: () => import('./my-api-tokens-page/my-api-tokens-page').then((m) => m.MyApiTokensPage),
    title: 'account.title.apiTokens',
  },
];
