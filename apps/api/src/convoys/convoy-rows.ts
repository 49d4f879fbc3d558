import { isOverdue, nextCheckInDue } from '@relief-ledger/domain';
import type { CargoLineResponse, ConvoyEventResponse, ConvoyResponse, ConvoyStatus, RouteResponse } from '@relief-ledger/domain';

/**
 * What the convoys repository's queries return, and the pure functions that turn those rows
 * into the API's answers and the domain rules' inputs.
 */

/** A convoy, with its organisation's name. */
export interface ConvoyRow {
  id: string;
  organisation_id: string;
  organisation_name: string;
  name: string;
  purpose: ConvoyResponse['purpose'];
  route_id: string;
  status: ConvoyStatus;
  planned_departure_at: Date;
  expected_duration_minutes: number;
  safety_margin_minutes: number;
  vehicle_count: number;
  vehicles: ConvoyResponse['vehicles'];
  people_aboard: number | null;
  check_in_interval_minutes: number;
  destination_stock_point_id: string | null;
  transit_stock_point_id: string | null;
  departed_at: Date | null;
  ended_at: Date | null;
  last_check_in_at: Date | null;
  notes: string | null;
  version: number;
  created_at: Date;
  updated_at: Date;
}

export interface CargoRow {
  id: string;
  source_stock_point_id: string;
  item_id: string;
  quantity: number;
  state: CargoLineResponse['state'];
}

/** A cargo line with the names the detail shows. */
export interface CargoLineRow extends CargoRow {
  point_name: string;
  code: string;
  name_en: string;
  unit: string;
}

export interface EventRow {
  id: string;
  convoy_id: string;
  kind: ConvoyEventResponse['kind'];
  from_status: ConvoyStatus | null;
  to_status: ConvoyStatus | null;
  occurred_at: Date;
  location_id: string | null;
  location_name: string | null;
  place: string | null;
  note: string | null;
  incident_id: string | null;
  recorded_by: string;
  user_name: string;
  recorded_at: Date;
}

/** Every organisation's convoys as the owner's function relief_convoy_statuses() shows them: status only. */
export interface ConvoyStatusRow {
  id: string;
  organisation_id: string;
  organisation_name: string;
  status: ConvoyStatus;
  status_at: Date;
}

/** The trip as it stands: from departure, or for a planned convoy from its plan — or now, if it is late leaving. */
export function tripOf(row: ConvoyRow, now: Date) {
  const departure = row.departed_at ?? new Date(Math.max(row.planned_departure_at.getTime(), now.getTime()));
  return {
    departureAt: departure.toISOString(),
    durationMinutes: row.expected_duration_minutes,
    safetyMarginMinutes: row.safety_margin_minutes,
  };
}

/** What the check-in rules need of a convoy. */
export function clockOf(row: ConvoyRow) {
  return {
    status: row.status,
    departedAt: row.departed_at?.toISOString() ?? null,
    lastCheckInAt: row.last_check_in_at?.toISOString() ?? null,
    checkInIntervalMinutes: row.check_in_interval_minutes,
  };
}

export function toConvoyResponse(r: ConvoyRow, route: RouteResponse, coverage: ConvoyResponse['coverage'], now: Date): ConvoyResponse {
  const departure = r.departed_at ?? r.planned_departure_at;
  return {
    id: r.id,
    organisationId: r.organisation_id,
    name: r.name,
    purpose: r.purpose,
    status: r.status,
    route: { id: route.id, name: route.name, timeZone: route.timeZone, stops: route.stops },
    plannedDepartureAt: r.planned_departure_at.toISOString(),
    expectedDurationMinutes: r.expected_duration_minutes,
    safetyMarginMinutes: r.safety_margin_minutes,
    expectedArrivalAt: new Date(departure.getTime() + r.expected_duration_minutes * 60_000).toISOString(),
    departedAt: r.departed_at?.toISOString() ?? null,
    arrivedAt: r.status === 'arrived' ? (r.ended_at?.toISOString() ?? null) : null,
    vehicleCount: r.vehicle_count,
    vehicles: r.vehicles,
    peopleAboard: r.people_aboard,
    checkInIntervalMinutes: r.check_in_interval_minutes,
    lastCheckInAt: r.last_check_in_at?.toISOString() ?? null,
    nextCheckInDueAt: nextCheckInDue(clockOf(r)),
    overdue: isOverdue(clockOf(r), now),
    destinationStockPointId: r.destination_stock_point_id,
    notes: r.notes,
    coverage,
    version: r.version,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
}

export function toEventResponse(e: EventRow): ConvoyEventResponse {
  return {
    id: e.id,
    convoyId: e.convoy_id,
    kind: e.kind,
    fromStatus: e.from_status,
    toStatus: e.to_status,
    occurredAt: e.occurred_at.toISOString(),
    locationId: e.location_id,
    locationName: e.location_name,
    place: e.place,
    note: e.note,
    incidentId: e.incident_id,
    recordedBy: e.recorded_by,
    recordedByName: e.user_name,
    recordedAt: e.recorded_at.toISOString(),
  };
}

export function toCargoLineResponse(c: CargoLineRow): CargoLineResponse {
  return {
    id: c.id,
    stockPointId: c.source_stock_point_id,
    stockPointName: c.point_name,
    itemId: c.item_id,
    itemCode: c.code,
    itemName: c.name_en,
    unit: c.unit,
    quantity: c.quantity,
    state: c.state,
  };
}
