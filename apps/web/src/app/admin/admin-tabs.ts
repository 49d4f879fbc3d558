import { Permission } from '@relief-ledger/domain';

export interface AdminTab {
  path: string;
  /** A translation key (admin scope). */
  label: string;
  /** The tab shows, and its route opens, only for roles with this permission. */
  permission: Permission;
}

/** The sections of `/admin`, in tab order; `/admin` itself opens the first one the role may use. */
export const ADMIN_TABS: readonly AdminTab[] = [
  { path: 'users', label: 'admin.tabs.users', permission: 'users.manage' },
  { path: 'api-tokens', label: 'admin.tabs.apiTokens', permission: 'tokens.manage' },
  { path: 'audit', label: 'admin.tabs.audit', permission: 'audit.read' },
];

/** A role with any of these may open `/admin` (an administrator all of it, a manager the audit trail). */
export const ADMIN_PERMISSIONS = ADMIN_TABS.map((tab) => tab.permission) as [Permission, ...Permission[]];
