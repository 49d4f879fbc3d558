import { Injectable } from '@nestjs/common';
import type { CargoLineResponse, ConvoyStatus, Vehicle } from '@relief-ledger/domain';
import { DataSource, EntityManager } from 'typeorm';
import type { PageWindow } from '../common/validation/pagination.js';
import { ConvoysException } from './convoys.exception.js';
import type { CargoLineRow, CargoRow, ConvoyRow, ConvoyStatusRow, EventRow } from './convoy-rows.js';

/**
 * The one owner of `convoys`, `convoy_cargo` and `convoy_events`: every write of them in the
 * app is here. Every method on them takes the organisation (row-level security holds the same
 * line in the database); other organisations' convoys are read through the owner's function
 * relief_convoy_statuses(), status only. Methods that take an EntityManager run in the
 * caller's transaction; the others read on their own.
 */

export interface ConvoyFilter {
  ids?: string[];
  status?: string;
  routeId?: string;
  /** On the road, or planned to leave before this instant. */
  activeBefore?: Date;
}

export interface NewConvoy {
  name: string;
  purpose: ConvoyRow['purpose'];
  routeId: string;
  plannedDepartureAt: string;
  expectedDurationMinutes: number;
  safetyMarginMinutes: number;
  vehicleCount: number;
  vehicles: Vehicle[];
  peopleAboard: number | null;
  checkInIntervalMinutes: number;
  destinationStockPointId: string | null;
  notes: string | null;
  createdBy: string;
  cargo: { stockPointId: string; itemId: string; quantity: number }[];
}

/** What a status change or a check-in records on the convoy's timeline. */
export interface NewEvent {
  convoyId: string;
  occurredAt: string;
  locationId: string | null;
  place: string | null;
  note: string | null;
  clientKey: string | null;
  requestHash: string | null;
  recordedBy: string;
}

const SELECT_CONVOYS = `SELECT c.*, o.name AS organisation_name FROM convoys c JOIN organisations o ON o.id = c.organisation_id`;

/** $1 ids, $2 organisation, $3 status, $4 route, $5 active before; then LIMIT $6 OFFSET $7. */
const WHERE = `($1::uuid[] IS NULL OR c.id = ANY($1)) AND ($2::uuid IS NULL OR c.organisation_id = $2) AND ($3::text IS NULL OR c.status = $3) AND ($4::uuid IS NULL OR c.route_id = $4)
  AND ($5::timestamptz IS NULL OR c.status = 'departed' OR (c.status = 'planned' AND c.planned_departure_at < $5))`;

/** The orders convoys are listed in, each a whole statement. */
const SELECT_IN_ORDER = {
  // Moving convoys first, then planned by departure, then the finished ones, newest first.
  board: `${SELECT_CONVOYS} WHERE ${WHERE} ORDER BY CASE c.status WHEN 'departed' THEN 0 WHEN 'planned' THEN 1 ELSE 2 END,
    CASE WHEN c.status IN ('departed', 'planned') THEN c.planned_departure_at END ASC, c.updated_at DESC, c.id LIMIT $6 OFFSET $7`,
  departure: `${SELECT_CONVOYS} WHERE ${WHERE} ORDER BY c.planned_departure_at, c.id LIMIT $6 OFFSET $7`,
  created: `${SELECT_CONVOYS} WHERE ${WHERE} ORDER BY c.created_at LIMIT $6 OFFSET $7`,
} as const;

const FIRST_HUNDRED: Pick<PageWindow, 'pageSize' | 'skip'> = { pageSize: 100, skip: 0 };

function whereParams(organisationId: string, f: ConvoyFilter): unknown[] {
  return [f.ids ?? null, organisationId, f.status ?? null, f.routeId ?? null, f.activeBefore ?? null];
}

@Injectable()
export class ConvoysRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** A planned convoy and its cargo lines; returns its id. */
  async plan(manager: EntityManager, organisationId: string, c: NewConvoy): Promise<string> {
    const [row]: { id: string }[] = await manager.query(
      `INSERT INTO convoys (organisation_id, name, purpose, route_id, planned_departure_at, expected_duration_minutes, safety_margin_minutes, vehicle_count, vehicles,
         people_aboard, check_in_interval_minutes, destination_stock_point_id, notes, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id`,
      [
        organisationId,
        c.name,
        c.purpose,
        c.routeId,
        c.plannedDepartureAt,
        c.expectedDurationMinutes,
        c.safetyMarginMinutes,
        c.vehicleCount,
        JSON.stringify(c.vehicles),
        c.peopleAboard,
        c.checkInIntervalMinutes,
        c.destinationStockPointId,
        c.notes,
        c.createdBy,
      ],
    );
    if (c.cargo.length > 0) {
      await manager.query(
        `INSERT INTO convoy_cargo (convoy_id, organisation_id, source_stock_point_id, item_id, quantity) SELECT $1, $5, * FROM unnest($2::uuid[], $3::uuid[], $4::int[])`,
        [row.id, c.cargo.map((l) => l.stockPointId), c.cargo.map((l) => l.itemId), c.cargo.map((l) => l.quantity), organisationId],
      );
    }
    return row.id;
  }

  async count(organisationId: string, filter: ConvoyFilter): Promise<number> {
    const [{ total }]: { total: number }[] = await this.dataSource.query(`SELECT count(*)::int AS total FROM convoys c WHERE ${WHERE}`, whereParams(organisationId, filter));
    return total;
  }

  /** The organisation's convoys in one of the orders above, one page of them (the first hundred by default). */
  select(manager: EntityManager, organisationId: string, filter: ConvoyFilter, order: keyof typeof SELECT_IN_ORDER = 'created', window = FIRST_HUNDRED): Promise<ConvoyRow[]> {
    return manager.query(SELECT_IN_ORDER[order], [...whereParams(organisationId, filter), window.pageSize, window.skip]);
  }

  async findById(manager: EntityManager, organisationId: string, id: string): Promise<ConvoyRow | undefined> {
    const [row] = await this.select(manager, organisationId, { ids: [id] });
    return row;
  }

  /** The convoy, locked until the transaction ends: status changes and check-ins of one convoy take turns. */
  async lockOwnOrThrow(manager: EntityManager, organisationId: string, id: string): Promise<ConvoyRow> {
    const [convoy]: ConvoyRow[] = await manager.query(`SELECT * FROM convoys WHERE id = $1 AND organisation_id = $2 FOR UPDATE`, [id, organisationId]);
    if (!convoy) throw ConvoysException.notFound(id);
    return convoy;
  }

  /** The organisation's own other convoys on the road on this route. */
  othersOnTheRoad(manager: EntityManager, organisationId: string, routeId: string, exceptId: string): Promise<ConvoyRow[]> {
    return manager.query(`SELECT * FROM convoys WHERE route_id = $1 AND status = 'departed' AND id <> $2 AND organisation_id = $3`, [routeId, exceptId, organisationId]);
  }

  /** Moves the convoy to `status` at `occurredAt` (departure and end times follow) and bumps its version. */
  async setStatus(manager: EntityManager, organisationId: string, id: string, status: ConvoyStatus, occurredAt: string): Promise<void> {
    await manager.query(
      `UPDATE convoys SET status = $2, version = version + 1, updated_at = now(),
         departed_at = CASE WHEN $2 = 'departed' THEN $3::timestamptz ELSE departed_at END,
         ended_at = CASE WHEN $2 IN ('arrived', 'aborted', 'struck') THEN $3::timestamptz ELSE ended_at END
       WHERE id = $1 AND organisation_id = $4`,
      [id, status, occurredAt, organisationId],
    );
  }

  /** Check-ins do not bump the version: they never conflict with a status change. */
  async checkedInAt(manager: EntityManager, organisationId: string, id: string, occurredAt: string): Promise<void> {
    await manager.query(`UPDATE convoys SET last_check_in_at = greatest(last_check_in_at, $2::timestamptz), updated_at = now() WHERE id = $1 AND organisation_id = $3`, [
      id,
      occurredAt,
      organisationId,
    ]);
  }

  async setTransitPoint(manager: EntityManager, organisationId: string, id: string, stockPointId: string): Promise<void> {
    await manager.query(`UPDATE convoys SET transit_stock_point_id = $2 WHERE id = $1 AND organisation_id = $3`, [id, stockPointId, organisationId]);
  }

  async recordStatusEvent(manager: EntityManager, organisationId: string, e: NewEvent & { from: ConvoyStatus; to: ConvoyStatus; incidentId: string | null }): Promise<string> {
    const [row]: { id: string }[] = await manager.query(
      `INSERT INTO convoy_events (convoy_id, organisation_id, kind, from_status, to_status, occurred_at, location_id, place, note, incident_id, client_key, request_hash, recorded_by)
       VALUES ($1, $2, 'status', $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
      [e.convoyId, organisationId, e.from, e.to, e.occurredAt, e.locationId, e.place, e.note, e.incidentId, e.clientKey, e.requestHash, e.recordedBy],
    );
    return row.id;
  }

  async recordCheckIn(manager: EntityManager, organisationId: string, e: NewEvent): Promise<string> {
    const [row]: { id: string }[] = await manager.query(
      `INSERT INTO convoy_events (convoy_id, organisation_id, kind, occurred_at, location_id, place, note, client_key, request_hash, recorded_by)
       VALUES ($1, $2, 'check_in', $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [e.convoyId, organisationId, e.occurredAt, e.locationId, e.place, e.note, e.clientKey, e.requestHash, e.recordedBy],
    );
    return row.id;
  }

  /** The event a phone already recorded on this convoy under this client id, with its content hash. */
  async eventByClientKey(manager: EntityManager, organisationId: string, convoyId: string, clientKey: string): Promise<{ id: string; request_hash: string | null } | undefined> {
    const [row]: { id: string; request_hash: string | null }[] = await manager.query(
      `SELECT id, request_hash FROM convoy_events WHERE convoy_id = $1 AND client_key = $2 AND organisation_id = $3`,
      [convoyId, clientKey, organisationId],
    );
    return row;
  }

  /** The convoy's timeline, newest first; or just the event `eventId`. */
  events(manager: EntityManager, organisationId: string, convoyId: string, eventId?: string): Promise<EventRow[]> {
    return manager.query(
      `SELECT e.*, l.name_en AS location_name, u.name AS user_name FROM convoy_events e
       LEFT JOIN locations l ON l.id = e.location_id JOIN users u ON u.id = e.recorded_by
       WHERE e.convoy_id = $1 AND ($2::uuid IS NULL OR e.id = $2) AND e.organisation_id = $3 ORDER BY e.occurred_at DESC, e.seq DESC`,
      [convoyId, eventId ?? null, organisationId],
    );
  }

  cargoLines(manager: EntityManager, organisationId: string, convoyId: string): Promise<CargoRow[]> {
    return manager.query(`SELECT * FROM convoy_cargo WHERE convoy_id = $1 AND organisation_id = $2 ORDER BY id`, [convoyId, organisationId]);
  }

  /** The cargo with its stock points' and items' names, by item code. */
  cargoWithNames(manager: EntityManager, organisationId: string, convoyId: string): Promise<CargoLineRow[]> {
    return manager.query(
      `SELECT c.*, p.name AS point_name, i.code, i.name_en, i.unit FROM convoy_cargo c
       JOIN stock_points p ON p.id = c.source_stock_point_id JOIN items i ON i.id = c.item_id
       WHERE c.convoy_id = $1 AND c.organisation_id = $2 ORDER BY i.code`,
      [convoyId, organisationId],
    );
  }

  /** A convoy called off before leaving: its cargo never moved. */
  async cancelCargo(manager: EntityManager, organisationId: string, convoyId: string): Promise<void> {
    await manager.query(`UPDATE convoy_cargo SET state = 'cancelled' WHERE convoy_id = $1 AND organisation_id = $2`, [convoyId, organisationId]);
  }

  async setCargoState(manager: EntityManager, organisationId: string, lineIds: string[], state: CargoLineResponse['state']): Promise<void> {
    await manager.query(`UPDATE convoy_cargo SET state = $2 WHERE id = ANY($1) AND organisation_id = $3`, [lineIds, state, organisationId]);
  }

  /** Other organisations' convoys planned, on the road, or ended within `recentHours`: counts by status. */
  othersByStatus(organisationId: string, recentHours: number): Promise<{ status: ConvoyStatus; count: number }[]> {
    // Other organisations' convoys are out of this role's sight: their statuses come from the owner's function.
    return this.dataSource.query(`SELECT status, count(*)::int AS count FROM relief_convoy_statuses($2) WHERE organisation_id <> $1 GROUP BY status`, [organisationId, recentHours]);
  }

  /** Every organisation's convoys planned, on the road, or ended within `recentHours` (at most 500): status only. */
  statuses(recentHours: number): Promise<ConvoyStatusRow[]> {
    // Row-level security shows this role its own convoys only; everyone's statuses come from the owner's function.
    return this.dataSource.query(`SELECT * FROM relief_convoy_statuses($1) ORDER BY organisation_name, status_at DESC LIMIT 500`, [recentHours]);
  }
}
