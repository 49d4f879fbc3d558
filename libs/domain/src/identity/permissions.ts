import { Role } from './roles';

/**
 * What each role may do. The API enforces this table on every route and the web app hides what
 * a role cannot do, from the same source. A permission a route needs but this table lacks
 * cannot be written: it is a type error.
 *
 * - admin: manages the users and API tokens of their own organisation, reads its audit trail.
 * - coordinator: plans and logs (camps now; stock, distributions, convoys, windows later).
 * - field: reads the board and camps; later posts check-ins, incidents and distributions.
 * - manager: reads everything of their organisation, its audit trail, exports reports; no writes.
 */
export const PERMISSIONS = {
  /** See one's own session, sign out. */
  'account.self': ['admin', 'coordinator', 'field', 'manager'],
  'camps.read': ['admin', 'coordinator', 'field', 'manager'],
  'camps.write': ['coordinator'],
  'locations.read': ['admin', 'coordinator', 'field', 'manager'],
  'organisations.read': ['admin', 'coordinator', 'field', 'manager'],
  'stock.read': ['admin', 'coordinator', 'field', 'manager'],
  /** Receive, transfer, write off, count: coordinators; managers read only. */
  'stock.write': ['coordinator'],
  'distributions.read': ['admin', 'coordinator', 'field', 'manager'],
  /** Coordinators log distributions, and so do field staff at the camps. */
  'distributions.write': ['coordinator', 'field'],
  'users.manage': ['admin'],
  'tokens.manage': ['admin'],
  'audit.read': ['admin', 'manager'],
  'reports.export': ['manager', 'admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can({ role, permission }: { role: Role; permission: Permission }): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}
