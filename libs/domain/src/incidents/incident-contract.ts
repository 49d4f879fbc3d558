import type { IncidentKind } from './incident';

export interface CreateIncidentRequest {
  /** Made by the phone when the form opens, so a re-send after a dropped connection records it once. */
  clientId?: string;
  kind: IncidentKind;
  /** ISO instant; defaults to now. */
  occurredAt?: string;
  locationId?: string;
  routeId?: string;
  /** Free words for where, when no location fits: "2 km north of Maaret on the M5". */
  place?: string;
  /** One of the reporter's organisation's convoys. */
  convoyId?: string;
  campId?: string;
  killed?: number;
  injured?: number;
  description: string;
}

/** Shared with every organisation. */
export interface IncidentResponse {
  id: string;
  kind: IncidentKind;
  occurredAt: string;
  locationId: string | null;
  locationName: string | null;
  routeId: string | null;
  routeName: string | null;
  place: string | null;
  /** Only for the reporting organisation: naming its convoy or camp would tell others where it was. */
  convoyId: string | null;
  campId: string | null;
  campName: string | null;
  killed: number;
  injured: number;
  description: string;
  reportedByOrganisation: string;
  /** Windows this incident marked violated. */
  violatedWindowIds: string[];
  createdAt: string;
}

export interface IncidentListQuery {
  kind?: IncidentKind;
  routeId?: string;
  from?: string;
  to?: string;
  page?: number;
  pageSize?: number;
}
