import { Injectable } from '@nestjs/common';
import {
  fieldProblem,
  incidentViolatesWindow,
  isValidTimeZone,
  laterTheSameDay,
  pauseWindowStatus,
  resolveLocalTime,
  wallClockAt,
  windowCoversRoute,
} from '@relief-ledger/domain';
import type { LocalTimeResolution, Page, PauseWindowResponse, PauseWindowStatus, Place, WindowScope } from '@relief-ledger/domain';
import { DataSource, EntityManager } from 'typeorm';
import { Replays, type Replayed } from '../common/replay/replays.js';
import { AuditService, changedFieldNames } from '../audit/audit.service.js';
import type { Actor } from '../common/actor.js';
import { ValidationException } from '../common/problem/app-exception.js';
import { pageWindow, toPage } from '../common/validation/pagination.js';
import { LiveEventsService } from '../live-events/live-events.service.js';
import { RoutesException } from '../routes/routes.exception.js';
import { RoutesService } from '../routes/routes.service.js';
import { AnnouncedTimeDto, CreatePauseWindowDto, PauseWindowListQueryDto } from './dto/pause-window.dto.js';
import { PauseWindowsException } from './pause-windows.exception.js';

interface WindowRow {
  id: string;
  announced_by: string;
  source_text: string;
  announced_at: Date;
  zone: string;
  starts_at: Date;
  ends_at: Date;
  notes: string | null;
  violated_at: Date | null;
  violated_by_incident_id: string | null;
  organisation_name: string;
  created_at: Date;
  routes: { id: string; name: string }[];
  areas: { id: string; pcode: string; nameEn: string }[];
}

const SELECT_WINDOWS = `
  SELECT w.*, o.name AS organisation_name,
    coalesce((SELECT json_agg(json_build_object('id', r.id, 'name', r.name) ORDER BY r.name)
              FROM pause_window_routes wr JOIN routes r ON r.id = wr.route_id WHERE wr.window_id = w.id), '[]') AS routes,
    coalesce((SELECT json_agg(json_build_object('id', l.id, 'pcode', l.pcode, 'nameEn', l.name_en) ORDER BY l.pcode)
              FROM pause_window_areas wa JOIN locations l ON l.id = wa.location_id WHERE wa.window_id = w.id), '[]') AS areas
  FROM pause_windows w JOIN organisations o ON o.id = w.organisation_id`;

/** Where in the list: in force first (ending soonest first), then upcoming, then the rest, newest first. */
function listRank(status: PauseWindowStatus): number {
  return status === 'in_force' ? 0 : status === 'upcoming' ? 1 : 2;
}

/** Pause windows are shared by every organisation: everyone must know when a window holds or was broken. */
@Injectable()
export class PauseWindowsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly routes: RoutesService,
    private readonly live: LiveEventsService,
    private readonly replays: Replays,
  ) {}

  async create(actor: Actor, dto: CreatePauseWindowDto, idempotencyKey?: string, now = new Date()): Promise<Replayed<PauseWindowResponse>> {
    if (!isValidTimeZone(dto.zone)) throw new ValidationException([fieldProblem('zone', 'field.time_zone')]);
    if (dto.routeIds.length === 0 && dto.areaIds.length === 0) throw new ValidationException([fieldProblem('routeIds', 'field.cover_required')], 422);
    const startsAt = dto.start ? this.instant('start', dto.start, dto.zone, () => wallClockAt(now, dto.zone).date) : now.toISOString();
    const endsAt = dto.end.date
      ? this.instant('end', dto.end, dto.zone, () => dto.end.date!)
      : this.placed('end', laterTheSameDay(new Date(startsAt), dto.end.time, dto.zone), dto.end.offset, 'date');
    if (Date.parse(endsAt) <= Date.parse(startsAt)) {
      const start = wallClockAt(startsAt, dto.zone);
      const { reason, code, params } = fieldProblem('end', 'field.end_after_start', { start: `${start.date} ${start.time} ${dto.zone}` });
      throw PauseWindowsException.time('end', { message: reason, code, params: params! });
    }

    const request = { operation: 'pause_window.announce', clientId: dto.clientId, header: idempotencyKey, content: dto };
    return this.dataSource.transaction((manager) => this.replays.once(manager, actor.organisationId, request, async () => {
      await this.live.beginPublishing(manager);
      await this.checkReferences(manager, dto);
      const [row] = await manager.query(
        `INSERT INTO pause_windows (announced_by, source_text, announced_at, zone, starts_at, ends_at, notes, organisation_id, recorded_by)
         VALUES ($1, $2, coalesce($3::timestamptz, now()), $4, $5, $6, $7, $8, $9) RETURNING id`,
        [dto.announcedBy, dto.sourceText, dto.announcedAt ?? null, dto.zone, startsAt, endsAt, dto.notes ?? null, actor.organisationId, actor.userId],
      );
      await manager.query(`INSERT INTO pause_window_routes (window_id, route_id) SELECT $1, unnest($2::uuid[])`, [row.id, dto.routeIds]);
      await manager.query(`INSERT INTO pause_window_areas (window_id, location_id) SELECT $1, unnest($2::uuid[])`, [row.id, dto.areaIds]);
      await this.audit.record(manager, actor, { action: 'create', entity: 'pause_window', entityId: row.id, changedFields: changedFieldNames(dto) });
      // Entered late (after the fact, or after a bad connection): an incident already recorded
      // inside it has broken it, and it must not count as protection.
      const earlier: { id: string; occurred_at: Date; route_id: string | null; location_id: string | null }[] = await manager.query(
        `SELECT id, occurred_at, route_id, location_id FROM incidents WHERE occurred_at >= $1 AND occurred_at < $2 ORDER BY occurred_at, id`,
        [startsAt, endsAt],
      );
      for (const incident of earlier) {
        const broken = await this.markViolations(manager, { id: incident.id, occurredAt: incident.occurred_at.toISOString(), routeId: incident.route_id, locationId: incident.location_id }, [row.id]);
        if (broken.length > 0) break;
      }
      const window = (await this.windows(manager, { ids: [row.id] }, now))[0];
      await this.live.publish(manager, { organisationId: null, payload: { type: 'window.announced', window }, sharedPayload: null });
      return { recordId: row.id as string, answer: window };
    }));
  }

  async list(query: PauseWindowListQueryDto, now = new Date()): Promise<Page<PauseWindowResponse>> {
    let scoped = await this.windowsWithScopes(this.dataSource.manager, null, null, now);
    if (query.routeId) {
      const [route] = await this.routes.routesOnMap(this.dataSource.manager, [query.routeId]);
      scoped = scoped.filter(({ scope }) => windowCoversRoute(scope, route));
    }
    const windows = scoped.map(({ window }) => window).filter((w) => !query.status || w.status === query.status);
    windows.sort((a, b) => listRank(a.status) - listRank(b.status) || (listRank(a.status) === 0 ? a.endsAt.localeCompare(b.endsAt) : b.startsAt.localeCompare(a.startsAt)));
    const page = pageWindow(query);
    return toPage(windows.slice(page.skip, page.skip + page.pageSize), windows.length, page);
  }

  async get(id: string, now = new Date()): Promise<PauseWindowResponse> {
    const [window] = await this.windows(this.dataSource.manager, { ids: [id] }, now);
    if (!window) throw PauseWindowsException.notFound(id);
    return window;
  }

  /**
   * Windows overlapping [from, to] (all of them without bounds), violated ones included (they
   * count against leaving), each with what it covers: read once, then matched to any number of
   * routes with the domain's windowCoversRoute.
   */
  async windowsWithScopes(manager: EntityManager, from: Date | null, to: Date | null, now = new Date()): Promise<{ window: PauseWindowResponse; scope: WindowScope }[]> {
    const windows = await this.windows(manager, { from: from ?? undefined, to: to ?? undefined }, now);
    const scopes = await this.scopes(manager, windows.map((w) => w.id));
    return windows.map((window) => ({ window, scope: scopes.get(window.id)! }));
  }

  /**
   * Marks violated every window the incident broke (in force then, on its route or in its
   * areas), inside the incident's transaction, and tells everyone. Returns their ids.
   */
  async markViolations(
    manager: EntityManager,
    incident: { id: string; occurredAt: string; routeId: string | null; locationId: string | null },
    onlyWindowIds?: string[],
  ): Promise<string[]> {
    const candidates: { id: string; starts_at: Date; ends_at: Date }[] = await manager.query(
      `SELECT id, starts_at, ends_at FROM pause_windows
       WHERE violated_at IS NULL AND starts_at <= $1 AND $1 < ends_at AND ($2::uuid[] IS NULL OR id = ANY($2)) ORDER BY id FOR UPDATE`,
      [incident.occurredAt, onlyWindowIds ?? null],
    );
    if (candidates.length === 0) return [];
    const scopes = await this.scopes(manager, candidates.map((c) => c.id));
    const namedRouteIds = [...new Set([...scopes.values()].flatMap((s) => s.routeIds))];
    const routes = await this.routes.routesOnMap(manager, [...new Set([...namedRouteIds, ...(incident.routeId ? [incident.routeId] : [])])]);
    const place: Place | null = incident.locationId ? ((await this.routes.places(manager, [incident.locationId])).get(incident.locationId) ?? null) : null;
    const route = routes.find((r) => r.id === incident.routeId) ?? null;

    const violated = candidates.filter((c) => {
      const scope = scopes.get(c.id)!;
      return incidentViolatesWindow(
        { startsAt: c.starts_at.toISOString(), endsAt: c.ends_at.toISOString(), violatedAt: null, scope, namedRoutes: routes.filter((r) => scope.routeIds.includes(r.id)) },
        { occurredAt: incident.occurredAt, route, place },
      );
    });
    if (violated.length === 0) return [];
    const ids = violated.map((v) => v.id);
    await manager.query(`UPDATE pause_windows SET violated_at = $2, violated_by_incident_id = $3 WHERE id = ANY($1)`, [ids, incident.occurredAt, incident.id]);
    for (const window of await this.windows(manager, { ids })) {
      await this.live.publish(manager, { organisationId: null, payload: { type: 'window.violated', window }, sharedPayload: null });
    }
    return ids;
  }

  private async windows(manager: EntityManager, filter: { ids?: string[]; from?: Date; to?: Date }, now = new Date()): Promise<PauseWindowResponse[]> {
    const rows: WindowRow[] = await manager.query(
      `${SELECT_WINDOWS}
       WHERE ($1::uuid[] IS NULL OR w.id = ANY($1)) AND ($2::timestamptz IS NULL OR w.ends_at > $2) AND ($3::timestamptz IS NULL OR w.starts_at < $3)
       ORDER BY w.starts_at DESC`,
      [filter.ids ?? null, filter.from ?? null, filter.to ?? null],
    );
    return rows.map((r) => toResponse(r, now));
  }

  private async scopes(manager: EntityManager, ids: string[]): Promise<Map<string, { routeIds: string[]; areaIds: string[] }>> {
    const rows: { id: string; route_ids: string[]; area_ids: string[] }[] = await manager.query(
      `SELECT w.id,
         coalesce((SELECT array_agg(route_id) FROM pause_window_routes WHERE window_id = w.id), '{}') AS route_ids,
         coalesce((SELECT array_agg(location_id) FROM pause_window_areas WHERE window_id = w.id), '{}') AS area_ids
       FROM pause_windows w WHERE w.id = ANY($1)`,
      [ids],
    );
    return new Map(rows.map((r) => [r.id, { routeIds: r.route_ids, areaIds: r.area_ids }]));
  }

  private async checkReferences(manager: EntityManager, dto: CreatePauseWindowDto): Promise<void> {
    const routes: { id: string }[] = await manager.query(`SELECT id FROM routes WHERE id = ANY($1)`, [dto.routeIds]);
    if (routes.length !== dto.routeIds.length) throw RoutesException.unknownRoute('routeIds');
    const areas: { id: string }[] = await manager.query(`SELECT id FROM locations WHERE id = ANY($1)`, [dto.areaIds]);
    const missing = dto.areaIds.filter((id) => !areas.some((a) => a.id === id));
    if (missing.length > 0) throw RoutesException.unknownLocations(missing, 'areaIds');
  }

  private instant(field: 'start' | 'end', at: AnnouncedTimeDto, zone: string, defaultDate: () => string): string {
    return this.placed(field, resolveLocalTime({ date: at.date ?? defaultDate(), time: at.time, offset: at.offset }, zone), at.offset);
  }

  /** An instant, or a 422 that says why the time as given cannot be placed (never shifted silently). */
  private placed(field: 'start' | 'end', resolution: LocalTimeResolution, offset: string | undefined, invalidPart: 'time' | 'date' = 'time'): string {
    if (resolution.kind === 'exact') return resolution.instant;
    if (resolution.kind === 'ambiguous' && offset) {
      const chosen = resolution.candidates.find((c) => c.offset === offset);
      if (chosen) return chosen.instant;
    }
    throw PauseWindowsException.time(`${field}.${resolution.kind === 'invalid' ? invalidPart : 'time'}`, resolution);
  }
}

function toResponse(r: WindowRow, now: Date): PauseWindowResponse {
  const times = { startsAt: r.starts_at.toISOString(), endsAt: r.ends_at.toISOString(), violatedAt: r.violated_at?.toISOString() ?? null };
  return {
    id: r.id,
    announcedBy: r.announced_by,
    sourceText: r.source_text,
    announcedAt: r.announced_at.toISOString(),
    zone: r.zone,
    ...times,
    startsLocal: wallClockAt(times.startsAt, r.zone),
    endsLocal: wallClockAt(times.endsAt, r.zone),
    status: pauseWindowStatus(times, now),
    violatedByIncidentId: r.violated_by_incident_id,
    routes: r.routes,
    areas: r.areas,
    notes: r.notes,
    recordedByOrganisation: r.organisation_name,
    createdAt: r.created_at.toISOString(),
  };
}
