import { Routes } from '@angular/router';

import { permissionGuard } from '../core/auth/auth-guards';
import { AdminPage } from './admin-page/admin-page';
import { ApiTokenList } from './api-token-list/api-token-list';
import { AuditTrail } from './audit-trail/audit-trail';
import { UserList } from './user-list/user-list';

/** Loaded only for `/admin`, behind `permissionGuard('users.manage')` in `app.routes.ts`. */
export const adminRoutes: Routes = [
  {
    path: '',
    component: AdminPage,
    children: [
      { path: '', pathMatch: 'full', redirectTo: 'users' },
      { path: 'users', component: UserList, title: 'Users · Admin · Relief Ledger' },
      {
        path: 'api-tokens',
        component: ApiTokenList,
        canActivate: [permissionGuard('tokens.manage')],
        title: 'API tokens · Admin · Relief Ledger',
      },
      {
        path: 'audit',
        component: AuditTrail,
        canActivate: [permissionGuard('audit.read')],
        title: 'Audit trail · Admin · Relief Ledger',
      },
    ],
  },
];
