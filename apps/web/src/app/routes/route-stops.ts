import { ROUTE_LIMITS, RouteStop } from '@relief-ledger/domain';

import { LocationChoice } from '../shared/location-field/location-field';

/** A route needs somewhere to start and somewhere to end. */
export const ROUTE_STOPS_MIN = 2;

/** The stops with `stop` added last, unless it is on the route already or the route is full. */
export function addStop(stops: readonly LocationChoice[], stop: LocationChoice): LocationChoice[] {
  if (stops.length >= ROUTE_LIMITS.stopsMax || stops.some((known) => known.id === stop.id)) return [...stops];
  return [...stops, stop];
}

/** The stops with the one at `index` moved one place earlier (-1) or later (+1); unchanged at either end. */
export function moveStop(stops: readonly LocationChoice[], index: number, by: -1 | 1): LocationChoice[] {
  const target = index + by;
  if (index < 0 || index >= stops.length || target < 0 || target >= stops.length) return [...stops];
  const moved = [...stops];
  [moved[index], moved[target]] = [moved[target], moved[index]];
  return moved;
}

export function removeStop(stops: readonly LocationChoice[], index: number): LocationChoice[] {
  return stops.filter((_, position) => position !== index);
}

/** "Ma'arat al-Num'an → Ariha → Sarmada": a route's stops, first to last. */
export function describeStops(stops: readonly Pick<RouteStop, 'nameEn'>[]): string {
  return stops.map((stop) => stop.nameEn).join(' → ');
}
