import type { IncidentKind } from '../incidents/incident';
import type { PauseWindowStatus } from '../pause-windows/pause-window';
import type { RouteStop } from '../routes/route-contract';
import type { ConvoyPurpose, ConvoyStatus } from './convoy';
import type { ConvoyCoverage, GoNoGoReason } from './convoy-coverage';

export interface Vehicle {
  plate?: string;
  driver?: string;
}

export interface CargoLineRequest {
  stockPointId: string;
  itemId: string;
  quantity: number;
}

export interface CreateConvoyRequest {
  /** Made up by the device when the person pressed the button: a re-send records it once (or send an Idempotency-Key header). */
  clientId?: string;
  name: string;
  purpose: ConvoyPurpose;
  routeId: string;
  /** ISO instant. */
  plannedDepartureAt: string;
  expectedDurationMinutes: number;
  safetyMarginMinutes?: number;
  vehicleCount: number;
  vehicles?: Vehicle[];
  /** People aboard, for evacuations. */
  peopleAboard?: number;
  checkInIntervalMinutes?: number;
  /** Where the cargo is received on arrival; required with cargo. */
  destinationStockPointId?: string;
  /** Drawn from stock on departure, in transit while on the road. */
  cargo?: CargoLineRequest[];
  notes?: string;
}

export const CONVOY_EVENT_KINDS = ['status', 'check_in'] as const;
export type ConvoyEventKind = (typeof CONVOY_EVENT_KINDS)[number];

export interface ConvoyEventResponse {
  id: string;
  convoyId: string;
  kind: ConvoyEventKind;
  /** For status events. */
  fromStatus: ConvoyStatus | null;
  toStatus: ConvoyStatus | null;
  occurredAt: string;
  locationId: string | null;
  locationName: string | null;
  place: string | null;
  note: string | null;
  incidentId: string | null;
  recordedBy: string;
  recordedByName: string;
  recordedAt: string;
}

/** The convoy's incident, reported together with "struck". */
export interface StruckIncident {
  kind: IncidentKind;
  killed?: number;
  injured?: number;
  description: string;
}

export interface ConvoyStatusRequest {
  /** Made by the phone when the change is first tried; a re-send after it went through answers the convoy as it is now. */
  clientId?: string;
  /** Only the moves CONVOY_STATUS_TRANSITIONS allows succeed; others are refused with the reason. */
  status: ConvoyStatus;
  /** The version last read (or `If-Match`), so two people cannot both move it. */
  version?: number;
  /** ISO instant; defaults to now. */
  occurredAt?: string;
  locationId?: string;
  place?: string;
  note?: string;
  /** For "struck": the incident already reported, or `incident` to report it now. */
  incidentId?: string;
  incident?: StruckIncident;
}

export interface CheckInRequest {
  /** Made by the phone when the form opens, so a re-send records the check-in once. */
  clientId?: string;
  occurredAt?: string;
  locationId?: string;
  place?: string;
  note?: string;
}

export const CARGO_STATES = ['planned', 'in_transit', 'delivered', 'lost', 'returned', 'cancelled'] as const;
export type CargoState = (typeof CARGO_STATES)[number];

export interface CargoLineResponse {
  id: string;
  stockPointId: string;
  stockPointName: string;
  itemId: string;
  itemCode: string;
  itemName: string;
  unit: string;
  quantity: number;
  state: CargoState;
}

export interface WindowOnRoute {
  id: string;
  announcedBy: string;
  zone: string;
  startsAt: string;
  endsAt: string;
  status: PauseWindowStatus;
  violatedAt: string | null;
}

/** A convoy of the viewer's own organisation, in full. */
export interface ConvoyResponse {
  id: string;
  organisationId: string;
  name: string;
  purpose: ConvoyPurpose;
  status: ConvoyStatus;
  route: { id: string; name: string; timeZone: string; stops: RouteStop[] };
  plannedDepartureAt: string;
  expectedDurationMinutes: number;
  safetyMarginMinutes: number;
  /** Departure (actual, or planned) plus duration. */
  expectedArrivalAt: string;
  departedAt: string | null;
  arrivedAt: string | null;
  vehicleCount: number;
  vehicles: Vehicle[];
  peopleAboard: number | null;
  checkInIntervalMinutes: number;
  lastCheckInAt: string | null;
  nextCheckInDueAt: string | null;
  overdue: boolean;
  destinationStockPointId: string | null;
  notes: string | null;
  /** Only for planned and moving convoys. */
  coverage: ConvoyCoverage | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface ConvoyDetailResponse extends ConvoyResponse {
  events: ConvoyEventResponse[];
  cargo: CargoLineResponse[];
  windows: WindowOnRoute[];
  /** Before departure only. */
  goNoGo: { go: boolean; reasons: GoNoGoReason[] } | null;
}

/** What other organisations see of a convoy: that it exists and its status, never its route or times. */
export interface ConvoyStatusResponse {
  id: string;
  organisationId: string;
  organisationName: string;
  status: ConvoyStatus;
  updatedAt: string;
}

/**
 * Which ended convoys the status list holds besides those planned or on the road: those ended in
 * the last 24 hours (the board's default), or every one, for looking back at a struck convoy.
 */
export const CONVOY_STATUS_PERIODS = ['recent', 'all'] as const;
export type ConvoyStatusPeriod = (typeof CONVOY_STATUS_PERIODS)[number];

export interface ConvoyStatusQuery {
  ended?: ConvoyStatusPeriod;
}

export interface ConvoyListQuery {
  status?: ConvoyStatus;
  routeId?: string;
  page?: number;
  pageSize?: number;
}

export const CONVOY_LIMITS = {
  nameMaxLength: 200,
  durationMaxMinutes: 72 * 60,
  marginMaxMinutes: 24 * 60,
  checkInMinMinutes: 5,
  checkInMaxMinutes: 24 * 60,
  vehiclesMax: 500,
  peopleMax: 100_000,
  cargoLinesMax: 50,
  notesMaxLength: 2000,
  placeMaxLength: 500,
  plateMaxLength: 40,
  driverMaxLength: 200,
} as const;
