import { Permission } from '@relief-ledger/domain';

import { ADMIN_PERMISSIONS } from '../../admin/admin-tabs';

export interface NavItem {
  path: string;
  /** A translation key (common scope). */
  label: string;
  /** The item shows only to roles with any of these permissions (the route's guard checks the same). */
  permissions: readonly Permission[];
  /** Marked current on this path only, not below it: "Distributions" is not current on its "Log distribution" form. */
  exact?: boolean;
}

/** Top-level screens, in menu order; each has its lazy route in `app.routes.ts`. */
export const NAV_ITEMS: readonly NavItem[] = [
  // The landing page: what needs me now.
  { path: '/overview', label: 'nav.overview', permissions: ['overview.read'] },
  { path: '/camps', label: 'nav.camps', permissions: ['camps.read'] },
  // The screen used most in the field goes straight to the form.
  { path: '/distributions/new', label: 'nav.logDistribution', permissions: ['distributions.write'] },
  { path: '/distributions', label: 'nav.distributions', permissions: ['distributions.read'], exact: true },
  { path: '/stock', label: 'nav.stock', permissions: ['stock.read'] },
  { path: '/convoys', label: 'nav.convoys', permissions: ['convoys.read'] },
  { path: '/routes', label: 'nav.routes', permissions: ['convoys.read'] },
  { path: '/pause-windows', label: 'nav.pauseWindows', permissions: ['windows.read'] },
  // Seen on the road, reported at once: the form is one tap away for those who may report.
  { path: '/incidents/new', label: 'nav.reportIncident', permissions: ['incidents.write'] },
  { path: '/incidents', label: 'nav.incidents', permissions: ['incidents.read'], exact: true },
  { path: '/reports', label: 'nav.reports', permissions: ['reports.export'] },
  // What this phone has not sent yet: every role may write something from the field.
  { path: '/outbox', label: 'nav.outbox', permissions: ['account.self'] },
  { path: '/admin', label: 'nav.admin', permissions: ADMIN_PERMISSIONS },
];

export interface AccountItem extends NavItem {
  /** Hidden from roles with any of these: they reach the same from elsewhere. */
  unless?: readonly Permission[];
}

/** The signed-in user's own pages, beside Sign out. */
export const ACCOUNT_ITEMS: readonly AccountItem[] = [
  { path: '/account/password', label: 'nav.changePassword', permissions: ['account.self'] },
  // An administrator manages every token of the organisation, their own included, on the Admin page.
  { path: '/account/api-tokens', label: 'nav.myApiTokens', permissions: ['tokens.self'], unless: ['tokens.manage'] },
];
