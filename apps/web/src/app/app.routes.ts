import { Routes } from '@angular/router';

import { ADMIN_PERMISSIONS } from './admin/admin-tabs';
import { authGuard, permissionGuard, signedOutGuard } from './core/auth/auth-guards';
import { HOME_PAGE } from './core/auth/home-page';
import { translationScope } from './core/i18n/translation-scope';

export const appRoutes: Routes = [
  {
    path: 'sign-in',
    canActivate: [signedOutGuard, translationScope('sign-in')],
    loadComponent: () => import('./sign-in/sign-in-page/sign-in-page').then((m) => m.SignInPage),
    title: 'sign-in.title',
  },
  {
    // Every other page needs a session; each feature also names the permission it needs.
    path: '',
    canActivateChild: [authGuard],
    // The toolbar and navigation come with the first signed-in page, not with the sign-in page.
    loadComponent: () => import('./core/shell/signed-in-layout').then((m) => m.SignedInLayout),
    children: [
      { path: '', pathMatch: 'full', redirectTo: HOME_PAGE },
      {
        path: 'overview',
        canActivate: [permissionGuard('overview.read'), translationScope('overview')],
        loadChildren: () => import('./overview/overview.routes').then((m) => m.overviewRoutes),
      },
      {
        path: 'camps',
        canActivate: [permissionGuard('camps.read'), translationScope('camps')],
        loadChildren: () => import('./camps/camps.routes').then((m) => m.campsRoutes),
      },
      {
        path: 'distributions',
        // Logging and importing also need distributions.write; those routes check it.
        canActivate: [permissionGuard('distributions.read'), translationScope('distributions')],
        loadChildren: () => import('./distributions/distributions.routes').then((m) => m.distributionsRoutes),
      },
      {
        path: 'stock',
        canActivate: [permissionGuard('stock.read'), translationScope('stock')],
        loadChildren: () => import('./stock/stock.routes').then((m) => m.stockRoutes),
      },
      {
        path: 'convoys',
        // Planning needs convoys.write, check-ins and status convoys.report; those routes and buttons check it.
        canActivate: [permissionGuard('convoys.read'), translationScope('convoys', 'stock')],
        loadChildren: () => import('./convoys/convoys.routes').then((m) => m.convoysRoutes),
      },
      {
        path: 'routes',
        // Making a route needs convoys.write; that route and its button check it.
        canActivate: [permissionGuard('convoys.read'), translationScope('routes')],
        loadChildren: () => import('./routes/routes.routes').then((m) => m.routesRoutes),
      },
      {
        path: 'pause-windows',
        canActivate: [permissionGuard('windows.read'), translationScope('pause-windows')],
        loadChildren: () => import('./pause-windows/pause-windows.routes').then((m) => m.pauseWindowsRoutes),
      },
      {
        path: 'incidents',
        canActivate: [permissionGuard('incidents.read'), translationScope('incidents')],
        loadChildren: () => import('./incidents/incidents.routes').then((m) => m.incidentsRoutes),
      },
      {
        path: 'reports',
        // The print view (`/reports/:report/print`) shows without the toolbar and navigation.
        canActivate: [permissionGuard('reports.export'), translationScope('reports')],
        loadChildren: () => import('./reports/reports.routes').then((m) => m.reportsRoutes),
      },
      {
        // What this phone has not sent yet; its words for entries are in the common file, for the shell's badge.
        path: 'outbox',
        canActivate: [permissionGuard('account.self'), translationScope('outbox')],
        loadChildren: () => import('./outbox/outbox.routes').then((m) => m.outboxRoutes),
      },
      {
        path: 'admin',
        // Each tab checks its own permission too; a manager gets the audit trail only.
        canActivate: [permissionGuard(...ADMIN_PERMISSIONS), translationScope('admin', 'api-tokens')],
        loadChildren: () => import('./admin/admin.routes').then((m) => m.adminRoutes),
      },
      {
        path: 'account',
        canActivate: [permissionGuard('account.self'), translationScope('account', 'api-tokens')],
        loadChildren: () => import('./account/account.routes').then((m) => m.accountRoutes),
      },
      {
        path: 'forbidden',
        loadComponent: () => import('./core/auth/forbidden-page/forbidden-page').then((m) => m.ForbiddenPage),
        title: 'forbidden.title',
      },
      { path: '**', redirectTo: HOME_PAGE },
    ],
  },
];
