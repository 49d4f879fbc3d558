import { Routes } from '@angular/router';

import { ChangePasswordPage } from './change-password-page/change-password-page';

/** Loaded only for `/account`, behind `permissionGuard('account.self')` in `app.routes.ts`. */
export const accountRoutes: Routes = [
  { path: '', pathMatch: 'full', redirectTo: 'password' },
  { path: 'password', component: ChangePasswordPage, title: 'Change password · Relief Ledger' },
];
