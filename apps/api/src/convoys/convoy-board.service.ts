import { Injectable } from '@nestjs/common';
import { convoyCoverage, goNoGo, isOverdue, RECENT_INCIDENT_HOURS, tripEnd, windowCoversRoute } from '@relief-ledger/domain';
import type { ConvoyDetailResponse, ConvoyResponse, ConvoyStatus, ConvoyStatusQuery, ConvoyStatusResponse, Page, PauseWindowResponse, WindowOnRoute } from '@relief-ledger/domain';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../common/actor.js';
import { pageWindow, toPage } from '../common/validation/pagination.js';
import { IncidentsService } from '../incidents/incidents.service.js';
import { PauseWindowsService } from '../pause-windows/pause-windows.service.js';
import { RoutesService } from '../routes/routes.service.js';
import { ConvoyListQueryDto } from './dto/convoy.dto.js';
import { clockOf, type ConvoyRow, toCargoLineResponse, toConvoyResponse, toEventResponse, tripOf } from './convoy-rows.js';
import { ConvoysRepository } from './convoys.repository.js';
import { ConvoysException } from './convoys.exception.js';

/** Other organisations see finished convoys on their board this long. */
const SHARED_RECENT_HOURS = 24;
/** Every ended convoy: the status function counts back in hours, and this reaches before any record. */
const EVERY_ENDED_HOURS = 24 * 365 * 100;

/**
 * The convoy board's read model: the organisation's convoys with what the board needs to decide
 * (coverage under pause windows, check-ins due, go/no-go before departure), and everyone's
 * convoys by status only, never their route or times. It reads; the commands write.
 */
@Injectable()
export class ConvoyBoardService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: ConvoysRepository,
    private readonly audit: AuditService,
    private readonly routes: RoutesService,
    private readonly windows: PauseWindowsService,
    private readonly incidents: IncidentsService,
  ) {}

  async list(actor: Actor, query: ConvoyListQueryDto, now = new Date()): Promise<Page<ConvoyResponse>> {
    const window = pageWindow(query);
    const filter = { status: query.status, routeId: query.routeId };
    const total = await this.repository.count(actor.organisationId, filter);
    const rows = await this.repository.select(this.dataSource.manager, actor.organisationId, filter, 'board', window);
    return toPage(await this.withCoverage(this.dataSource.manager, rows, now), total, window);
  }

  /**
   * The organisation's convoys on the road and those planned to leave before `until` (the end of
   * today at the sites), overdue first, then by departure: the overview's "what needs me now".
   */
  async active(actor: Actor, until: Date, now = new Date()): Promise<ConvoyResponse[]> {
    const rows = await this.repository.select(this.dataSource.manager, actor.organisationId, { activeBefore: until }, 'departure');
    const convoys = await this.withCoverage(this.dataSource.manager, rows, now);
    return convoys.sort((a, b) => Number(b.overdue) - Number(a.overdue));
  }

  /**
   * `active`, each with the pause windows on its route over its trip: the field kit keeps them so
   * that a phone offline can still count down to the end of the window its convoy is under.
   */
  async activeWithWindows(actor: Actor, until: Date, now = new Date()): Promise<Array<ConvoyResponse & { windows: WindowOnRoute[] }>> {
    const manager = this.dataSource.manager;
    const rows = await this.repository.select(manager, actor.organisationId, { activeBefore: until }, 'departure');
    const onTrip = await this.windowsOnTrips(manager, rows, now);
    const convoys = await this.withCoverage(manager, rows, now, onTrip);
    return convoys
      .map((convoy) => ({ ...convoy, windows: (onTrip.get(convoy.id) ?? []).map(toWindowOnRoute) }))
      .sort((a, b) => Number(b.overdue) - Number(a.overdue));
  }

  /** Other organisations' convoys planned, on the road, or ended lately: counts by status, nothing more. */
  async othersByStatus(actor: Actor): Promise<Partial<Record<ConvoyStatus, number>>> {
    const rows = await this.repository.othersByStatus(actor.organisationId, SHARED_RECENT_HOURS);
    return Object.fromEntries(rows.map((r) => [r.status, r.count]));
  }

  /** Every organisation's convoys on the road or planned, and those finished lately: status only. */
  async statuses(query: ConvoyStatusQuery = {}): Promise<ConvoyStatusResponse[]> {
    // The time of the last status change, not of the last write: check-ins would show others
    // the convoy's rhythm on the road.
    const rows = await this.repository.statuses(query.ended === 'all' ? EVERY_ENDED_HOURS : SHARED_RECENT_HOURS);
    return rows.map((r) => ({ id: r.id, organisationId: r.organisation_id, organisationName: r.organisation_name, status: r.status, updatedAt: r.status_at.toISOString() }));
  }

  /** A convoy's route, times and check-ins are need-to-know: every read of them is audited. */
  async get(actor: Actor, id: string, now = new Date()): Promise<ConvoyDetailResponse> {
    return this.audit.readAudited(actor, { entity: 'convoy', entityId: id }, () => this.detail(actor, id, now));
  }

  /** The convoy with its timeline, cargo, the windows on its trip and, before departure, go/no-go. Not audited: the commands answer with it. */
  async detail(actor: Actor, id: string, now: Date): Promise<ConvoyDetailResponse> {
    const manager = this.dataSource.manager;
    const row = await this.repository.findById(manager, actor.organisationId, id);
    if (!row) throw ConvoysException.notFound(id);
    const onTrip = await this.windowsOnTrips(manager, [row], now);
    const [convoy] = await this.withCoverage(manager, [row], now, onTrip);
    const windows = onTrip.get(id)!;
    return {
      ...convoy,
      events: (await this.repository.events(manager, actor.organisationId, id)).map(toEventResponse),
      cargo: (await this.repository.cargoWithNames(manager, actor.organisationId, id)).map(toCargoLineResponse),
      windows: windows.map(toWindowOnRoute),
      goNoGo: row.status === 'planned' && convoy.coverage ? await this.goNoGo(manager, row, convoy.coverage, windows, now) : null,
    };
  }

  private async goNoGo(manager: EntityManager, row: ConvoyRow, coverage: NonNullable<ConvoyResponse['coverage']>, windows: PauseWindowResponse[], now: Date) {
    const since = new Date(now.getTime() - RECENT_INCIDENT_HOURS * 3_600_000);
    const incidents = await this.incidents.onRouteSince(manager, row.route_id, since);
    // Own convoys only: another organisation's convoy on the road is its own business.
    const onTheRoad = await this.repository.othersOnTheRoad(manager, row.organisation_id, row.route_id, row.id);
    return goNoGo({
      coverage,
      violatedWindows: windows.filter((w) => w.violatedAt !== null).map((w) => ({ id: w.id, violatedAt: w.violatedAt! })),
      incidentsOnRoute: incidents,
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
      toConvoyResponse(r, routes.find((route) => route.id === r.route_id)!, live.includes(r) ? convoyCoverage(tripOf(r, now), windows.get(r.id)!) : null, now),
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
}

function toWindowOnRoute(w: PauseWindowResponse): WindowOnRoute {
  return { id: w.id, announcedBy: w.announcedBy, zone: w.zone, startsAt: w.startsAt, endsAt: w.endsAt, status: w.status, violatedAt: w.violatedAt };
}
