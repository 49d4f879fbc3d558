/** A road people travel, as an ordered list of places. Shared by every organisation (roads are not secret; who drives them when is). */
export interface RouteStop {
  locationId: string;
  pcode: string;
  nameEn: string;
  nameAr: string;
}

export interface RouteResponse {
  id: string;
  name: string;
  /** First stop to last. */
  stops: RouteStop[];
  /** The zone the route's times are announced in (its first stop's). */
  timeZone: string;
  /** GeoJSON LineString coordinates [longitude, latitude], for a map later. */
  line: [number, number][] | null;
}

export interface CreateRouteRequest {
  /** Made up by the device when the person pressed the button: a re-send records it once (or send an Idempotency-Key header). */
  clientId?: string;
  name: string;
  /** At least two, in travel order. */
  locationIds: string[];
  line?: [number, number][];
}

export const ROUTE_LIMITS = { nameMaxLength: 200, stopsMax: 30, linePointsMax: 5_000 } as const;
