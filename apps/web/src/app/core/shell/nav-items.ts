import { Permission } from '@relief-ledger/domain';

export interface NavItem {
  path: string;
  label: string;
  /** The item shows only to roles with this permission (the route's guard checks the same). */
  permission: Permission;
}

/**
 * Top-level screens, in menu order. Dashboard, Distributions, Stock and Convoys join this list as
 * their feature folders land, each with its lazy route in `app.routes.ts`.
 */
export const NAV_ITEMS: readonly NavItem[] = [
  { path: '/camps', label: 'Camps', permission: 'camps.read' },
  { path: '/admin', label: 'Admin', permission: 'users.manage' },
];
