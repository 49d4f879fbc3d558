import { Injectable } from '@nestjs/common';
import {
  checkConvoyTransition,
  CHECK_IN_INTERVAL_DEFAULT_MINUTES,
  convoyCoverage,
  goNoGo,
  isOverdue,
  nextCheckInDue,
  RECENT_INCIDENT_HOURS,
  SAFETY_MARGIN_DEFAULT_MINUTES,
  tripEnd,
  windowCoversRoute,
} from '@relief-ledger/domain';
import type {
  CargoLineResponse,
  ConvoyDetailResponse,
  ConvoyEventResponse,
  ConvoyResponse,
  ConvoyStatus,
  ConvoyStatusResponse,
  LiveEvent,
  Page,
  PauseWindowResponse,
  RouteResponse,
} from '@relief-ledger/domain';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService, changedFieldNames } from '../audit/audit.service.js';
import type { Actor } from '../auth/actor.js';
import { contentHash } from '../common/validation/content-hash.js';
import { reportedAt } from '../common/validation/reported-at.js';
import { pageWindow, toPage } from '../common/validation/pagination.js';
import { IncidentsService } from '../incidents/incidents.service.js';
import { LiveEventsService } from '../live-events/live-events.service.js';
import { PauseWindowsService } from '../pause-windows/pause-windows.service.js';
import { RoutesService } from '../routes/routes.service.js';
import { inLockOrder, move, Movement } from '../stock/stock-ledger.js';
import { CheckInDto, ConvoyListQueryDto, ConvoyStatusDto, CreateConvoyDto } from './dto/convoy.dto.js';
import { ConvoysException } from './convoys.exception.js';

/** Other organisations see finished convoys on their board this long. */
const SHARED_RECENT_HOURS = 24;

interface ConvoyRow {
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

interface CargoRow {
  id: string;
  source_stock_point_id: string;
  item_id: string;
  quantity: number;
  state: CargoLineResponse['state'];
}

/** What a convoy's cargo becomes when the convoy moves to each status. */
const CARGO_STATE_AFTER: Readonly<Record<ConvoyStatus, CargoLineResponse['state']>> = {
  planned: 'planned',
  departed: 'in_transit',
  arrived: 'delivered',
  aborted: 'returned',
  struck: 'lost',
};

interface EventRow {
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

const SELECT_CONVOYS = `SELECT c.*, o.name AS organisation_name FROM convoys c JOIN organisations o ON o.id = c.organisation_id`;

/**
 * Convoys of the actor's organisation: planning, status changes with their cargo's movements,
 * check-ins, and what the board needs to decide (coverage under pause windows, go/no-go).
 * Other organisations see a convoy's status only, never its route or times.
 */
@Injectable()
export class ConvoysService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly routes: RoutesService,
    private readonly windows: PauseWindowsService,
    private readonly incidents: IncidentsService,
    private readonly live: LiveEventsService,
  ) {}

  async create(actor: Actor, dto: CreateConvoyDto): Promise<ConvoyDetailResponse> {
    const cargo = dto.cargo ?? [];
    if (cargo.length > 0 && !dto.destinationStockPointId) throw ConvoysException.invalid('destinationStockPointId', 'field.destination_required');
    if (dto.vehicles && dto.vehicles.length > dto.vehicleCount) throw ConvoysException.invalid('vehicles', 'field.too_many_vehicles', { count: dto.vehicleCount });
    const lines = new Set(cargo.map((c) => `${c.stockPointId}:${c.itemId}`));
    if (lines.size !== cargo.length) throw ConvoysException.invalid('cargo', 'field.cargo_repeats');

    const id = await this.dataSource.transaction(async (manager) => {
      await this.live.beginPublishing(manager);
      const [route] = await manager.query(`SELECT 1 FROM routes WHERE id = $1`, [dto.routeId]);
      if (!route) throw ConvoysException.unknown('routeId', 'route');
      const pointIds = [...new Set([...cargo.map((c) => c.stockPointId), ...(dto.destinationStockPointId ? [dto.destinationStockPointId] : [])])];
      const points: { id: string }[] = await manager.query(`SELECT id FROM stock_points WHERE id = ANY($1) AND organisation_id = $2 AND kind <> 'in_transit'`, [
        pointIds,
        actor.organisationId,
      ]);
      const missingPoint = pointIds.find((p) => !points.some((q) => q.id === p));
      if (missingPoint) {
        const index = cargo.findIndex((c) => c.stockPointId === missingPoint);
        throw ConvoysException.unknown(index >= 0 ? `cargo.${index}.stockPointId` : 'destinationStockPointId', 'stock point in your organisation');
      }
      const items: { id: string }[] = await manager.query(`SELECT id FROM items WHERE id = ANY($1)`, [cargo.map((c) => c.itemId)]);
      const missingItem = cargo.findIndex((c) => !items.some((i) => i.id === c.itemId));
      if (missingItem >= 0) throw ConvoysException.unknown(`cargo.${missingItem}.itemId`, 'item');

      const [row] = await manager.query(
        `INSERT INTO convoys (organisation_id, name, purpose, route_id, planned_departure_at, expected_duration_minutes, safety_margin_minutes, vehicle_count, vehicles,
           people_aboard, check_in_interval_minutes, destination_stock_point_id, notes, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id`,
        [
          actor.organisationId,
          dto.name,
          dto.purpose,
          dto.routeId,
          dto.plannedDepartureAt,
          dto.expectedDurationMinutes,
          dto.safetyMarginMinutes ?? SAFETY_MARGIN_DEFAULT_MINUTES,
          dto.vehicleCount,
          JSON.stringify(dto.vehicles ?? []),
          dto.peopleAboard ?? null,
          dto.checkInIntervalMinutes ?? CHECK_IN_INTERVAL_DEFAULT_MINUTES,
          dto.destinationStockPointId ?? null,
          dto.notes ?? null,
          actor.userId,
        ],
      );
      if (cargo.length > 0) {
        await manager.query(
          `INSERT INTO convoy_cargo (convoy_id, organisation_id, source_stock_point_id, item_id, quantity) SELECT $1, $5, * FROM unnest($2::uuid[], $3::uuid[], $4::int[])`,
          [row.id, cargo.map((c) => c.stockPointId), cargo.map((c) => c.itemId), cargo.map((c) => c.quantity), actor.organisationId],
        );
      }
      await this.audit.record(manager, actor, { action: 'create', entity: 'convoy', entityId: row.id, changedFields: changedFieldNames(dto) });
      const [convoy] = await this.convoyRows(manager, { ids: [row.id] });
      await this.publishStatus(manager, convoy, null);
      return row.id as string;
    });
    return this.detail(actor, id, new Date());
  }

  async list(actor: Actor, query: ConvoyListQueryDto, now = new Date()): Promise<Page<ConvoyResponse>> {
    const window = pageWindow(query);
    const filter = { organisationId: actor.organisationId, status: query.status, routeId: query.routeId };
    const [{ total }] = await this.dataSource.query(`SELECT count(*)::int AS total FROM convoys c WHERE ${WHERE}`, whereParams(filter));
    // Moving convoys first, then planned by departure, then the finished ones, newest first.
    const rows = await this.convoyRows(this.dataSource.manager, filter, {
      order: `CASE c.status WHEN 'departed' THEN 0 WHEN 'planned' THEN 1 ELSE 2 END,
              CASE WHEN c.status IN ('departed', 'planned') THEN c.planned_departure_at END ASC, c.updated_at DESC, c.id`,
      limit: window.pageSize,
      offset: window.skip,
    });
    return toPage(await this.withCoverage(this.dataSource.manager, rows, now), total, window);
  }

  /**
   * The organisation's convoys on the road and those planned to leave before `until` (the end of
   * today at the sites), overdue first, then by departure: the overview's "what needs me now".
   */
  async active(actor: Actor, until: Date, now = new Date()): Promise<ConvoyResponse[]> {
    const rows = await this.convoyRows(this.dataSource.manager, { organisationId: actor.organisationId, activeBefore: until }, { order: 'c.planned_departure_at, c.id', limit: 100 });
    const convoys = await this.withCoverage(this.dataSource.manager, rows, now);
    return convoys.sort((a, b) => Number(b.overdue) - Number(a.overdue));
  }

  /** Other organisations' convoys planned, on the road, or ended lately: counts by status, nothing more. */
  async othersByStatus(actor: Actor): Promise<Partial<Record<ConvoyStatus, number>>> {
    // Other organisations' convoys are out of this role's sight: their statuses come from the owner's function.
    const rows: { status: ConvoyStatus; count: number }[] = await this.dataSource.query(
      `SELECT status, count(*)::int AS count FROM relief_convoy_statuses($2) WHERE organisation_id <> $1 GROUP BY status`,
      [actor.organisationId, SHARED_RECENT_HOURS],
    );
    return Object.fromEntries(rows.map((r) => [r.status, r.count]));
  }

  /** Every organisation's convoys on the road or planned, and those finished lately: status only. */
  async statuses(): Promise<ConvoyStatusResponse[]> {
    // The time of the last status change, not of the last write: check-ins would show others
    // the convoy's rhythm on the road.
    // Row-level security shows this role its own convoys only; everyone's statuses come from the owner's function.
    const rows: Array<{ id: string; organisation_id: string; organisation_name: string; status: ConvoyStatus; status_at: Date }> = await this.dataSource.query(
      `SELECT * FROM relief_convoy_statuses($1) ORDER BY organisation_name, status_at DESC LIMIT 500`,
      [SHARED_RECENT_HOURS],
    );
    return rows.map((r) => ({ id: r.id, organisationId: r.organisation_id, organisationName: r.organisation_name, status: r.status, updatedAt: r.status_at.toISOString() }));
  }

  /** A convoy's route, times and check-ins are need-to-know: every read of them is audited. */
  async get(actor: Actor, id: string, now = new Date()): Promise<ConvoyDetailResponse> {
    return this.audit.readAudited(actor, { entity: 'convoy', entityId: id }, () => this.detail(actor, id, now));
  }

  private async detail(actor: Actor, id: string, now: Date): Promise<ConvoyDetailResponse> {
    const manager = this.dataSource.manager;
    const [row] = await this.convoyRows(manager, { ids: [id], organisationId: actor.organisationId });
    if (!row) throw ConvoysException.notFound(id);
    const onTrip = await this.windowsOnTrips(manager, [row], now);
    const [convoy] = await this.withCoverage(manager, [row], now, onTrip);
    const windows = onTrip.get(id)!;
    return {
      ...convoy,
      events: await this.events(manager, id),
      cargo: await this.cargo(manager, id),
      windows: windows.map((w) => ({ id: w.id, announcedBy: w.announcedBy, zone: w.zone, startsAt: w.startsAt, endsAt: w.endsAt, status: w.status, violatedAt: w.violatedAt })),
      goNoGo: row.status === 'planned' && convoy.coverage ? await this.goNoGo(manager, row, convoy.coverage, windows, now) : null,
    };
  }

  /**
   * Moves the convoy to `dto.status` if the transition table allows it and nobody changed it
   * meanwhile, with its cargo: drawn into transit on departure, received at the destination on
   * arrival, back to its source if aborted on the road, written off against the incident if struck.
   */
  async changeStatus(actor: Actor, id: string, dto: ConvoyStatusDto, version: number, now = new Date()): Promise<{ replayed: boolean; convoy: ConvoyDetailResponse }> {
    const occurredAt = this.notInTheFuture(dto.occurredAt, now);
    if (dto.status === 'struck' && Boolean(dto.incident) === Boolean(dto.incidentId)) {
      throw ConvoysException.invalid('incident', 'field.incident_required');
    }
    if (dto.status !== 'struck' && (dto.incident || dto.incidentId)) throw ConvoysException.invalid('incident', 'field.incident_only_struck');
    const hash = dto.clientId ? contentHash({ ...dto, occurredAt: dto.occurredAt ? occurredAt : undefined }, ['clientId', 'version']) : null;

    const replayed = await this.dataSource.transaction(async (manager) => {
      await this.live.beginPublishing(manager);
      const convoy = await this.lockOwn(manager, actor, id);
      // A phone re-sending a change that went through (its answer was lost) gets the convoy as
      // it is now, not a "changed meanwhile".
      if (dto.clientId && (await this.isReplay(manager, id, dto.clientId, hash))) return true;
      if (convoy.version !== version) throw ConvoysException.staleVersion(version, convoy.version);
      const check = checkConvoyTransition(convoy.status, dto.status);
      if (!check.ok) throw ConvoysException.illegalTransition(check);
      this.notBeforeDeparture(convoy, occurredAt);
      if (dto.locationId) await this.checkLocation(manager, dto.locationId);

      let incidentId: string | null = null;
      if (dto.incident) {
        const { incident } = await this.incidents.reportIn(
          manager,
          actor,
          { ...dto.incident, occurredAt, convoyId: id, routeId: convoy.route_id, locationId: dto.locationId, place: dto.place },
          now,
        );
        incidentId = incident.id;
      } else if (dto.incidentId) {
        const [incident] = await manager.query(`SELECT 1 FROM incidents WHERE id = $1 AND (convoy_id IS NULL OR convoy_id = $2)`, [dto.incidentId, id]);
        if (!incident) throw ConvoysException.unknown('incidentId', 'incident of this convoy');
        incidentId = dto.incidentId;
      }

      await this.moveCargo(manager, actor, convoy, dto.status, incidentId);
      await manager.query(
        `UPDATE convoys SET status = $2, version = version + 1, updated_at = now(),
           departed_at = CASE WHEN $2 = 'departed' THEN $3::timestamptz ELSE departed_at END,
           ended_at = CASE WHEN $2 IN ('arrived', 'aborted', 'struck') THEN $3::timestamptz ELSE ended_at END
         WHERE id = $1`,
        [id, dto.status, occurredAt],
      );
      const [event] = await manager.query(
        `INSERT INTO convoy_events (convoy_id, organisation_id, kind, from_status, to_status, occurred_at, location_id, place, note, incident_id, client_key, request_hash, recorded_by)
         VALUES ($1, $2, 'status', $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
        [id, actor.organisationId, convoy.status, dto.status, occurredAt, dto.locationId ?? null, dto.place ?? null, dto.note ?? null, incidentId, dto.clientId ?? null, hash, actor.userId],
      );
      await this.audit.record(manager, actor, { action: dto.status, entity: 'convoy', entityId: id, changedFields: changedFieldNames(dto) });
      const [updated] = await this.convoyRows(manager, { ids: [id] });
      await this.publishStatus(manager, updated, (await this.events(manager, id, event.id))[0]);
      return false;
    });
    return { replayed, convoy: await this.detail(actor, id, now) };
  }

  /** "Passed Ariha, 14:10." A re-send with the same client id records it once. */
  async checkIn(actor: Actor, id: string, dto: CheckInDto, now = new Date()): Promise<{ created: boolean; event: ConvoyEventResponse }> {
    const occurredAt = this.notInTheFuture(dto.occurredAt, now);
    const hash = dto.clientId ? contentHash({ ...dto, occurredAt: dto.occurredAt ? occurredAt : undefined }) : null;
    return this.dataSource.transaction(async (manager) => {
      await this.live.beginPublishing(manager);
      const convoy = await this.lockOwn(manager, actor, id);
      const replay = dto.clientId ? await this.isReplay(manager, id, dto.clientId, hash) : false;
      if (replay) return { created: false, event: (await this.events(manager, id, replay))[0] };
      if (convoy.status !== 'departed') throw ConvoysException.notOnTheRoad(convoy.status);
      this.notBeforeDeparture(convoy, occurredAt);
      if (dto.locationId) await this.checkLocation(manager, dto.locationId);
      const [row] = await manager.query(
        `INSERT INTO convoy_events (convoy_id, organisation_id, kind, occurred_at, location_id, place, note, client_key, request_hash, recorded_by)
         VALUES ($1, $2, 'check_in', $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
        [id, actor.organisationId, occurredAt, dto.locationId ?? null, dto.place ?? null, dto.note ?? null, dto.clientId ?? null, hash, actor.userId],
      );
      // Check-ins do not bump the version: they never conflict with a status change.
      await manager.query(`UPDATE convoys SET last_check_in_at = greatest(last_check_in_at, $2::timestamptz), updated_at = now() WHERE id = $1`, [id, occurredAt]);
      await this.audit.record(manager, actor, { action: 'check_in', entity: 'convoy', entityId: id, changedFields: changedFieldNames(dto) });
      const [event] = await this.events(manager, id, row.id);
      const payload: LiveEvent = { type: 'convoy.check_in', convoyId: id, organisationId: actor.organisationId, status: convoy.status, event };
      await this.live.publish(manager, { organisationId: actor.organisationId, payload, sharedPayload: null });
      return { created: true, event };
    });
  }

  private async moveCargo(manager: EntityManager, actor: Actor, convoy: ConvoyRow, to: ConvoyStatus, incidentId: string | null): Promise<void> {
    const lines: CargoRow[] = await manager.query(`SELECT * FROM convoy_cargo WHERE convoy_id = $1 ORDER BY id`, [convoy.id]);
    if (lines.length === 0) return;
    if (to === 'aborted' && convoy.status === 'planned') {
      await manager.query(`UPDATE convoy_cargo SET state = 'cancelled' WHERE convoy_id = $1`, [convoy.id]);
      return;
    }
    const reference = `Convoy ${convoy.name}`;
    const base = { organisationId: actor.organisationId, recordedBy: actor.userId, reference };
    let transit = convoy.transit_stock_point_id;
    if (to === 'departed') {
      const [route] = await manager.query(`SELECT location_id FROM route_stops WHERE route_id = $1 ORDER BY position LIMIT 1`, [convoy.route_id]);
      const [point] = await manager.query(
        `INSERT INTO stock_points (organisation_id, location_id, name, kind) VALUES ($1, $2, $3, 'in_transit') RETURNING id`,
        [actor.organisationId, route.location_id, `In transit: ${convoy.name} (${convoy.id.slice(0, 8)})`],
      );
      transit = point.id as string;
      await manager.query(`UPDATE convoys SET transit_stock_point_id = $2 WHERE id = $1`, [convoy.id, transit]);
    }
    if (!transit) return;

    const legs: Movement[] = [];
    const transfer = (line: CargoRow, from: string, into: string) => {
      // Both legs share one transfer id, so the ledger pairs them.
      const transferId = randomUUID();
      legs.push({ ...base, stockPointId: from, itemId: line.item_id, kind: 'transfer_out', delta: -line.quantity, transferId, field: 'cargo' });
      legs.push({ ...base, stockPointId: into, itemId: line.item_id, kind: 'transfer_in', delta: line.quantity, transferId });
    };
    const moving = lines.filter((l) => (to === 'departed' ? l.state === 'planned' : l.state === 'in_transit'));
    for (const line of moving) {
      if (to === 'departed') transfer(line, line.source_stock_point_id, transit);
      else if (to === 'arrived') transfer(line, transit, convoy.destination_stock_point_id!);
      else if (to === 'aborted') transfer(line, transit, line.source_stock_point_id);
      else if (to === 'struck') {
        legs.push({ ...base, stockPointId: transit, itemId: line.item_id, kind: 'loss', delta: -line.quantity, lossCause: 'destroyed', reason: `${reference} struck`, incidentId });
      }
    }
    // Levels are locked in one order everywhere, so two convoys sharing a warehouse cannot deadlock.
    for (const leg of inLockOrder(legs)) await move(manager, leg);
    await manager.query(`UPDATE convoy_cargo SET state = $2 WHERE id = ANY($1)`, [moving.map((l) => l.id), CARGO_STATE_AFTER[to]]);
  }

  private async goNoGo(manager: EntityManager, row: ConvoyRow, coverage: NonNullable<ConvoyResponse['coverage']>, windows: PauseWindowResponse[], now: Date) {
    const since = new Date(now.getTime() - RECENT_INCIDENT_HOURS * 3_600_000);
    const incidents: { id: string; kind: string; occurred_at: Date }[] = await manager.query(
      `SELECT i.id, i.kind, i.occurred_at FROM incidents i
       WHERE i.occurred_at >= $2 AND (i.route_id = $1 OR i.location_id IN (SELECT location_id FROM route_stops WHERE route_id = $1))`,
      [row.route_id, since],
    );
    // Own convoys only: another organisation's convoy on the road is its own business.
    const onTheRoad: ConvoyRow[] = await manager.query(`SELECT * FROM convoys WHERE route_id = $1 AND status = 'departed' AND id <> $2 AND organisation_id = $3`, [
      row.route_id,
      row.id,
      row.organisation_id,
    ]);
    return goNoGo({
      coverage,
      violatedWindows: windows.filter((w) => w.violatedAt !== null).map((w) => ({ id: w.id, violatedAt: w.violatedAt! })),
      incidentsOnRoute: incidents.map((i) => ({ id: i.id, kind: i.kind, occurredAt: i.occurred_at.toISOString() })),
      overdueConvoysOnRoute: onTheRoad.filter((c) => isOverdue(clockOf(c), now)).length,
      now,
    });
  }

  /** Convoy responses, with coverage for the planned and moving ones. */
  private async withCoverage(manager: EntityManager, rows: ConvoyRow[], now: Date, onTrips?: Map<string, PauseWindowResponse[]>): Promise<ConvoyResponse[]> {
    const routes = await this.routes.routes(manager, [...new Set(rows.map((r) => r.route_id))]);
    const live = rows.filter((r) => r.status === 'planned' || r.status === 'departed');
    const windows = onTrips ?? (await this.windowsOnTrips(manager, live, now));
    return rows.map((r) =>
      toResponse(r, routes.find((route) => route.id === r.route_id)!, live.includes(r) ? convoyCoverage(tripOf(r, now), windows.get(r.id)!) : null, now),
    );
  }

  /** For each convoy, the windows on its route that overlap its trip: the windows are read once for all of them. */
  private async windowsOnTrips(manager: EntityManager, rows: ConvoyRow[], now: Date): Promise<Map<string, PauseWindowResponse[]>> {
    if (rows.length === 0) return new Map();
    const trips = rows.map((row) => {
      const trip = tripOf(row, now);
      return { row, from: Date.parse(trip.departureAt), to: tripEnd(trip).getTime() };
    });
    const from = new Date(Math.min(...trips.map((t) => t.from)));
    const to = new Date(Math.max(...trips.map((t) => t.to)));
    const candidates = await this.windows.windowsWithScopes(manager, from, to, now);
    const maps = await this.routes.routesOnMap(manager, [...new Set(rows.map((r) => r.route_id))]);
    return new Map(
      trips.map(({ row, from: start, to: end }) => {
        const route = maps.find((m) => m.id === row.route_id)!;
        const onTrip = candidates.filter(({ window, scope }) => Date.parse(window.endsAt) > start && Date.parse(window.startsAt) < end && windowCoversRoute(scope, route));
        return [row.id, onTrip.map(({ window }) => window)];
      }),
    );
  }

  private async lockOwn(manager: EntityManager, actor: Actor, id: string): Promise<ConvoyRow> {
    const [convoy]: ConvoyRow[] = await manager.query(`SELECT * FROM convoys WHERE id = $1 AND organisation_id = $2 FOR UPDATE`, [id, actor.organisationId]);
    if (!convoy) throw ConvoysException.notFound(id);
    return convoy;
  }

  /** The id of the event already recorded with this client id and content; a 422 for other content. */
  private async isReplay(manager: EntityManager, convoyId: string, clientId: string, hash: string | null): Promise<string | false> {
    const [existing] = await manager.query(`SELECT id, request_hash FROM convoy_events WHERE convoy_id = $1 AND client_key = $2`, [convoyId, clientId]);
    if (!existing) return false;
    if (existing.request_hash !== hash) throw ConvoysException.keyReused();
    return existing.id as string;
  }

  private notBeforeDeparture(convoy: ConvoyRow, occurredAt: string): void {
    if (convoy.departed_at && Date.parse(occurredAt) < convoy.departed_at.getTime()) {
      throw ConvoysException.invalid('occurredAt', 'field.before_departure', { departedAt: convoy.departed_at.toISOString() });
    }
  }

  private async checkLocation(manager: EntityManager, locationId: string): Promise<void> {
    const [location] = await manager.query(`SELECT 1 FROM locations WHERE id = $1`, [locationId]);
    if (!location) throw ConvoysException.unknown('locationId', 'location');
  }

  private notInTheFuture(at: string | undefined, now: Date): string {
    return reportedAt(at, now, () => ConvoysException.invalid('occurredAt', 'field.in_the_future')).toISOString();
  }

  /** The status for everyone; the event (place, note, time) for the convoy's own organisation only. */
  private async publishStatus(manager: EntityManager, convoy: ConvoyRow, event: ConvoyEventResponse | null): Promise<void> {
    const shared: LiveEvent = {
      type: 'convoy.status',
      convoyId: convoy.id,
      organisationId: convoy.organisation_id,
      organisationName: convoy.organisation_name,
      status: convoy.status,
      event: null,
    };
    await this.live.publish(manager, { organisationId: convoy.organisation_id, payload: { ...shared, event }, sharedPayload: shared });
  }

  private async convoyRows(
    manager: EntityManager,
    filter: ConvoyFilter,
    page: { order?: string; limit?: number; offset?: number } = {},
  ): Promise<ConvoyRow[]> {
    return manager.query(
      `${SELECT_CONVOYS} WHERE ${WHERE} ORDER BY ${page.order ?? 'c.created_at'} LIMIT ${page.limit ?? 100} OFFSET ${page.offset ?? 0}`,
      whereParams(filter),
    );
  }

  /** Newest first; or just the event `eventId`. */
  private async events(manager: EntityManager, convoyId: string, eventId?: string): Promise<ConvoyEventResponse[]> {
    const rows: EventRow[] = await manager.query(
      `SELECT e.*, l.name_en AS location_name, u.name AS user_name FROM convoy_events e
       LEFT JOIN locations l ON l.id = e.location_id JOIN users u ON u.id = e.recorded_by
       WHERE e.convoy_id = $1 AND ($2::uuid IS NULL OR e.id = $2) ORDER BY e.occurred_at DESC, e.seq DESC`,
      [convoyId, eventId ?? null],
    );
    return rows.map((e) => ({
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
    }));
  }

  private async cargo(manager: EntityManager, convoyId: string): Promise<CargoLineResponse[]> {
    const rows: (CargoRow & { point_name: string; code: string; name_en: string; unit: string })[] = await manager.query(
      `SELECT c.*, p.name AS point_name, i.code, i.name_en, i.unit FROM convoy_cargo c
       JOIN stock_points p ON p.id = c.source_stock_point_id JOIN items i ON i.id = c.item_id
       WHERE c.convoy_id = $1 ORDER BY i.code`,
      [convoyId],
    );
    return rows.map((c) => ({
      id: c.id,
      stockPointId: c.source_stock_point_id,
      stockPointName: c.point_name,
      itemId: c.item_id,
      itemCode: c.code,
      itemName: c.name_en,
      unit: c.unit,
      quantity: c.quantity,
      state: c.state,
    }));
  }
}

interface ConvoyFilter {
  ids?: string[];
  organisationId?: string;
  status?: string;
  routeId?: string;
  /** On the road, or planned to leave before this instant. */
  activeBefore?: Date;
}

const WHERE = `($1::uuid[] IS NULL OR c.id = ANY($1)) AND ($2::uuid IS NULL OR c.organisation_id = $2) AND ($3::text IS NULL OR c.status = $3) AND ($4::uuid IS NULL OR c.route_id = $4)
  AND ($5::timestamptz IS NULL OR c.status = 'departed' OR (c.status = 'planned' AND c.planned_departure_at < $5))`;

function whereParams(f: ConvoyFilter): unknown[] {
  return [f.ids ?? null, f.organisationId ?? null, f.status ?? null, f.routeId ?? null, f.activeBefore ?? null];
}

/** The trip as it stands: from departure, or for a planned convoy from its plan — or now, if it is late leaving. */
function tripOf(row: ConvoyRow, now: Date) {
  const departure = row.departed_at ?? new Date(Math.max(row.planned_departure_at.getTime(), now.getTime()));
  return {
    departureAt: departure.toISOString(),
    durationMinutes: row.expected_duration_minutes,
    safetyMarginMinutes: row.safety_margin_minutes,
  };
}

function clockOf(row: ConvoyRow) {
  return {
    status: row.status,
    departedAt: row.departed_at?.toISOString() ?? null,
    lastCheckInAt: row.last_check_in_at?.toISOString() ?? null,
    checkInIntervalMinutes: row.check_in_interval_minutes,
  };
}

function toResponse(r: ConvoyRow, route: RouteResponse, coverage: ConvoyResponse['coverage'], now: Date): ConvoyResponse {
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
