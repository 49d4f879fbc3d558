import { Permission } from '@relief-ledger/domain';

import { ADMIN_PERMISSIONS } from '../../admin/admin-tabs';

export interface NavItem {
  path: string;
  label: string;
  /** The item shows only to roles with any of these permissions (the route's guard checks the same). */
  permissions: readonly Permission[];
}

/**
 * Top-level screens, in menu order. Dashboard, Distributions, Stock and Convoys join this list as
 * their feature folders land, each with its lazy route in `app.routes.ts`.
 */
export const NAV_ITEMS: readonly NavItem[] = [
  { path: '/camps', label: 'Camps', permissions: ['camps.read'] },
  { path: '/admin', label: 'Admin', permissions: ADMIN_PERMISSIONS },
];
