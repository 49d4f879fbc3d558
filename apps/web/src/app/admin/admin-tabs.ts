import { Permission } from '@relief-ledger/domain';

export interface AdminTab {
  path: string;
  label: string;
  /** The tab shows, and its route opens, only for roles with this permission. */
  permission: Permission;
}

/** The sections of `/admin`, in tab order; `/admin` itself opens the first one the role may use. */
export const ADMIN_TABS: readonly AdminTab[] = [
  { path: 'users', label: 'Users', permission: 'users.manage' },
  { path: 'api-tokens', label: 'API tokens', permission: 'tokens.manage' },
  { path: 'audit', label: 'Audit trail', permission: 'audit.read' },
];

/** A role with any of these may open `/admin` (an administrator all of it, a manager the audit trail). */
export const ADMIN_PERMISSIONS = ADMIN_TABS.map((tab) => tab.permission) as [Permission, ...Permission[]];
