import { inject } from '@angular/core';
import { Routes } from '@angular/router';

import { permissionGuard } from '../core/auth/auth-guards';
import { SessionStore } from '../core/auth/session-store';
import { ApiTokenList } from '../shared/api-tokens/api-token-list/api-token-list';
import { AdminPage } from './admin-page/admin-page';
import { ADMIN_TABS } from './admin-tabs';
import { AuditTrail } from './audit-trail/audit-trail';
import { UserList } from './user-list/user-list';

/**
 * `/admin` opens the first tab the role may use. Redirects run before the guards, so on a fresh
 * load the session is asked for here; signed out, the users tab's guard sends to sign in.
 */
async function firstAllowedTab(): Promise<string> {
  const store = inject(SessionStore);
  await store.ensureLoaded();
  return (ADMIN_TABS.find((tab) => store.can(tab.permission)) ?? ADMIN_TABS[0]).path;
}

/**
 * Loaded only for `/admin`, behind `permissionGuard(...ADMIN_PERMISSIONS)` in `app.routes.ts`; each
 * tab's route checks the permission of that tab (the same one that shows the tab in `AdminPage`).
 */
export const adminRoutes: Routes = [
  {
    path: '',
    component: AdminPage,
    children: [
      { path: '', pathMatch: 'full', redirectTo: firstAllowedTab },
      {
        path: 'users',
        component: UserList,
        canActivate: [permissionGuard('users.manage')],
        title: 'admin.title.users',
      },
      {
        path: 'api-tokens',
        component: ApiTokenList,
        canActivate: [permissionGuard('tokens.manage')],
        title: 'admin.title.apiTokens',
      },
      {
        path: 'audit',
        component: AuditTrail,
        canActivate: [permissionGuard('audit.read')],
        title: 'admin.title.audit',
      },
    ],
  },
];
