import { Role } from './roles';

/**
 * What each role may do. The API enforces this table on every route and the web app hides what
 * a role cannot do, from the same source. A permission a route needs but this table lacks
 * cannot be written: it is a type error.
 *
 * - admin: manages the users and API tokens of their own organisation, reads its audit trail.
 * - coordinator: plans and logs (camps now; stock, distributions, convoys, windows later).
 * - field: reads the board and camps; posts check-ins, convoy status, incidents and distributions.
 * - manager: reads everything of their organisation, its audit trail, exports reports (also with
 *   a personal API token for scripts); no writes.
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
  /** The convoy board, routes and the live event stream. */
  'convoys.read': ['admin', 'coordinator', 'field', 'manager'],
  /** Plan convoys and routes. */
  'convoys.write': ['coordinator'],
  /** Check-ins and status changes from the road: field staff and coordinators. */
  'convoys.report': ['coordinator', 'field'],
  /** Pause windows and incidents are shared with every organisation, for coordination. */
  'windows.read': ['admin', 'coordinator', 'field', 'manager'],
  'windows.write': ['coordinator'],
  'incidents.read': ['admin', 'coordinator', 'field', 'manager'],
  /** Whoever sees it reports it: field staff first. */
  'incidents.write': ['coordinator', 'field'],
  'users.manage': ['admin'],
  /** Every API token of the organisation: list and revoke. */
  'tokens.manage': ['admin'],
  /** Personal API tokens, acting as their creator with their role: admins, and managers for scripted report pulls. */
  'tokens.self': ['admin', 'manager'],
  'audit.read': ['admin', 'manager'],
  /** Reports and exports for donors and the cluster: managers, and coordinators who prepare them. */
  'reports.export': ['manager', 'coordinator'],
  /** The landing page: what needs me now. */
  'overview.read': ['admin', 'coordinator', 'field', 'manager'],
  /**
   * The field kit: everything the field forms pick from, in one answer a phone keeps for offline
   * use. For those who log in the field; admins and managers have no field form to fill.
   */
  'field.kit': ['coordinator', 'field'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can({ role, permission }: { role: Role; permission: Permission }): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}
