export const PAUSE_WINDOW_STATUSES = ['upcoming', 'in_force', 'ended', 'violated'] as const;
export type PauseWindowStatus = (typeof PAUSE_WINDOW_STATUSES)[number];

export const PAUSE_WINDOW_STATUS_LABELS: Readonly<Record<PauseWindowStatus, string>> = {
  upcoming: 'Upcoming',
  in_force: 'In force',
  ended: 'Ended',
  violated: 'Violated',
};

export interface WindowTimes {
  startsAt: string;
  endsAt: string;
  violatedAt: string | null;
}

/** Derived, never stored: a violated window stays violated; otherwise by the clock (start inclusive, end exclusive). */
export function pauseWindowStatus(window: WindowTimes, now: Date): PauseWindowStatus {
  if (window.violatedAt !== null) return 'violated';
  if (now.getTime() < Date.parse(window.startsAt)) return 'upcoming';
  if (now.getTime() < Date.parse(window.endsAt)) return 'in_force';
  return 'ended';
}

export function isInForceAt(window: Pick<WindowTimes, 'startsAt' | 'endsAt'>, at: Date): boolean {
  return Date.parse(window.startsAt) <= at.getTime() && at.getTime() < Date.parse(window.endsAt);
}

/** A location with the ids of the areas that contain it (its district, governorate...). */
export interface Place {
  locationId: string;
  ancestorIds: readonly string[];
}

/** What a window covers: routes by id, and areas (any level of the location tree). */
export interface WindowScope {
  routeIds: readonly string[];
  areaIds: readonly string[];
}

export interface RouteOnMap {
  id: string;
  stops: readonly Place[];
}

export function isInAreas(place: Place, areaIds: readonly string[]): boolean {
  return areaIds.includes(place.locationId) || place.ancestorIds.some((id) => areaIds.includes(id));
}

/** A window covers a route it names, or one whose every stop lies in its areas. */
export function windowCoversRoute(scope: WindowScope, route: RouteOnMap): boolean {
  if (scope.routeIds.includes(route.id)) return true;
  return route.stops.length > 0 && route.stops.every((stop) => isInAreas(stop, scope.areaIds));
}

export interface IncidentWhereAndWhen {
  occurredAt: string;
  /** The route it happened on, when known ("between Maaret and Ariha"). */
  route: RouteOnMap | null;
  place: Place | null;
}

/**
 * An incident breaks a window when it happens while the window is in force, on a route the
 * window covers, in one of its areas, or at a stop of a route it names.
 */
export function incidentViolatesWindow(
  window: WindowTimes & { scope: WindowScope; namedRoutes: readonly RouteOnMap[] },
  incident: IncidentWhereAndWhen,
): boolean {
  if (!isInForceAt(window, new Date(incident.occurredAt))) return false;
  if (incident.route !== null && windowCoversRoute(window.scope, incident.route)) return true;
  const place = incident.place;
  if (place === null) return false;
  return isInAreas(place, window.scope.areaIds) || window.namedRoutes.some((r) => r.stops.some((s) => s.locationId === place.locationId));
}
