import { Permission } from '@relief-ledger/domain';

import { ADMIN_PERMISSIONS } from '../../admin/admin-tabs';

export interface NavItem {
  path: string;
  label: string;
  /** The item shows only to roles with any of these permissions (the route's guard checks the same). */
  permissions: readonly Permission[];
  /** Marked current on this path only, not below it: "Distributions" is not current on its "Log distribution" form. */
  exact?: boolean;
}

/** Top-level screens, in menu order; each has its lazy route in `app.routes.ts`. */
export const NAV_ITEMS: readonly NavItem[] = [
  // The landing page: what needs me now.
  { path: '/overview', label: 'Overview', permissions: ['overview.read'] },
  { path: '/camps', label: 'Camps', permissions: ['camps.read'] },
  // The screen used most in the field goes straight to the form.
  { path: '/distributions/new', label: 'Log distribution', permissions: ['distributions.write'] },
  { path: '/distributions', label: 'Distributions', permissions: ['distributions.read'], exact: true },
  { path: '/stock', label: 'Stock', permissions: ['stock.read'] },
  { path: '/convoys', label: 'Convoys', permissions: ['convoys.read'] },
  { path: '/routes', label: 'Routes', permissions: ['convoys.read'] },
  { path: '/pause-windows', label: 'Pause windows', permissions: ['windows.read'] },
  // Seen on the road, reported at once: the form is one tap away for those who may report.
  { path: '/incidents/new', label: 'Report incident', permissions: ['incidents.write'] },
  { path: '/incidents', label: 'Incidents', permissions: ['incidents.read'], exact: true },
  { path: '/reports', label: 'Reports', permissions: ['reports.export'] },
  { path: '/admin', label: 'Admin', permissions: ADMIN_PERMISSIONS },
];

export interface AccountItem extends NavItem {
  /** Hidden from roles with any of these: they reach the same from elsewhere. */
  unless?: readonly Permission[];
}

/** The signed-in user's own pages, beside Sign out. */
export const ACCOUNT_ITEMS: readonly AccountItem[] = [
  { path: '/account/password', label: 'Change password', permissions: ['account.self'] },
  // An administrator manages every token of the organisation, their own included, on the Admin page.
  { path: '/account/api-tokens', label: 'My API tokens', permissions: ['tokens.self'], unless: ['tokens.manage'] },
];
