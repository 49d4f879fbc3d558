import { Injectable } from '@nestjs/common';
import {
  earlyEndRefusal,
  fieldProblem,
  incidentViolatesWindow,
  isValidTimeZone,
  laterTheSameDay,
  pauseWindowStatus,
  resolveLocalTime,
  violationChange,
  wallClockAt,
  windowChanges,
  windowCoversRoute,
} from '@relief-ledger/domain';
import type {
  LocalTimeResolution,
  Page,
  PauseWindowChange,
  PauseWindowChangedField,
  PauseWindowDetailResponse,
  PauseWindowResponse,
  PauseWindowStatus,
  Place,
  WindowScope,
  WindowState,
} from '@relief-ledger/domain';
import { DataSource, EntityManager } from 'typeorm';
import { Replays, type Replayed } from '../common/replay/replays.js';
import { AuditService, changedFieldNames } from '../audit/audit.service.js';
import type { Actor } from '../common/actor.js';
import { ValidationException } from '../common/problem/app-exception.js';
import { pageWindow, toPage } from '../common/validation/pagination.js';
import { LiveEventsService } from '../live-events/live-events.service.js';
import { RoutesException } from '../routes/routes.exception.js';
import { RoutesService } from '../routes/routes.service.js';
import { AnnouncedTimeDto, CorrectPauseWindowDto, CreatePauseWindowDto, EndPauseWindowDto, PauseWindowListQueryDto } from './dto/pause-window.dto.js';
import { PauseWindowsException } from './pause-windows.exception.js';
import { PauseWindowsRepository, type WindowEventRow, type WindowRow } from './pause-windows.repository.js';

/** What a correction may change that decides whether an incident broke the window. */
const TIMES_AND_COVER: ReadonlySet<PauseWindowChangedField> = new Set(['startsAt', 'endsAt', 'routes', 'areas']);

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
    private readonly repository: PauseWindowsRepository,
  ) {}

  async create(actor: Actor, dto: CreatePauseWindowDto, idempotencyKey?: string, now = new Date()): Promise<Replayed<PauseWindowResponse>> {
    if (!isValidTimeZone(dto.zone)) throw new ValidationException([fieldProblem('zone', 'field.time_zone')]);
    if (dto.routeIds.length === 0 && dto.areaIds.length === 0) throw new ValidationException([fieldProblem('routeIds', 'field.cover_required')], 422);
    const startsAt = dto.start ? this.instant('start', dto.start, dto.zone, () => wallClockAt(now, dto.zone).date) : now.toISOString();
    const endsAt = dto.end.date
      ? this.instant('end', dto.end, dto.zone, () => dto.end.date!)
      : this.placed('end', laterTheSameDay(new Date(startsAt), dto.end.time, dto.zone), dto.end.offset, 'date');
    this.checkOrder(startsAt, endsAt, dto.zone);

    const request = { operation: 'pause_window.announce', clientId: dto.clientId, header: idempotencyKey, content: dto };
    return this.dataSource.transaction((manager) => this.replays.once(manager, actor.organisationId, request, async () => {
      await this.live.beginPublishing(manager);
      await this.checkReferences(manager, dto);
      const id = await this.repository.insert(manager, actor, {
        announcedBy: dto.announcedBy,
        sourceText: dto.sourceText,
        announcedAt: dto.announcedAt ?? null,
        zone: dto.zone,
        startsAt,
        endsAt,
        notes: dto.notes ?? null,
        routeIds: dto.routeIds,
        areaIds: dto.areaIds,
      });
      await this.audit.record(manager, actor, { action: 'create', entity: 'pause_window', entityId: id, changedFields: changedFieldNames(dto) });
      await this.markEarlierViolation(manager, id, startsAt, endsAt);
      const window = (await this.windows(manager, { ids: [id] }, now))[0];
      await this.live.publish(manager, { organisationId: null, payload: { type: 'window.announced', window }, sharedPayload: null });
      return { recordId: id, answer: window };
    }));
  }

  /**
   * News that the window ended before its announced end: the end moves to when it ended (the
   * coverage of every convoy on its routes follows, being read from the windows), an `ended`
   * event keeps who said so and on what source. A re-send with the same key is answered once.
   */
  async end(actor: Actor, id: string, version: number, dto: EndPauseWindowDto, idempotencyKey?: string, now = new Date()): Promise<Replayed<PauseWindowDetailResponse>> {
    const request = { operation: 'pause_window.end', scope: id, header: idempotencyKey, content: { ...dto, version } };
    return this.dataSource.transaction((manager) => this.replays.once(manager, actor.organisationId, request, async () => {
      await this.live.beginPublishing(manager);
      const before = await this.lockedAtVersion(manager, id, version, now);
      const endedAt = dto.endedAt ?? now.toISOString();
      const refusal = earlyEndRefusal(before, endedAt, now);
      if (refusal === 'in_the_future') throw PauseWindowsException.earlyEnd(fieldProblem('endedAt', 'field.in_the_future'));
      if (refusal === 'not_after_start') throw PauseWindowsException.earlyEnd(fieldProblem('endedAt', 'field.end_after_start', { start: inZone(before.startsLocal, before.zone) }));
      if (refusal === 'not_before_end') throw PauseWindowsException.earlyEnd(fieldProblem('endedAt', 'field.before_announced_end', { end: inZone(before.endsLocal, before.zone) }));
      const next = (await this.repository.end(manager, id, version, endedAt))!;
      // Broken after it had ended is not broken: a strike at 17:00 after a pause ended at 16:00.
      const violation =
        before.violatedAt && Date.parse(before.violatedAt) >= Date.parse(endedAt) ? await this.revisitViolation(manager, id, before.violatedAt, before.startsAt, endedAt) : [];
      const changes: PauseWindowChange[] = [{ field: 'endsAt', from: before.endsAt, to: new Date(endedAt).toISOString() }, ...violation];
      await this.repository.insertEvent(manager, actor, { windowId: id, kind: 'ended', version: next, changes, source: dto.source });
      await this.audit.record(manager, actor, { action: 'end', entity: 'pause_window', entityId: id, changedFields: changes.map((c) => c.field) });
      return { recordId: id, answer: await this.published(manager, id, 'window.ended', now) };
    }));
  }

  /**
   * A window entered wrongly, entered again with a reason: the same rules as entering it, the
   * differences kept in a `corrected` event. Refused when it changes nothing.
   */
  async correct(actor: Actor, id: string, version: number, dto: CorrectPauseWindowDto, idempotencyKey?: string, now = new Date()): Promise<Replayed<PauseWindowDetailResponse>> {
    if (!isValidTimeZone(dto.zone)) throw new ValidationException([fieldProblem('zone', 'field.time_zone')]);
    if (dto.routeIds.length === 0 && dto.areaIds.length === 0) throw new ValidationException([fieldProblem('routeIds', 'field.cover_required')], 422);
    const request = { operation: 'pause_window.correct', scope: id, header: idempotencyKey, content: { ...dto, version } };
    return this.dataSource.transaction((manager) => this.replays.once(manager, actor.organisationId, request, async () => {
      await this.live.beginPublishing(manager);
      const before = await this.lockedAtVersion(manager, id, version, now);
      const startsAt = this.instant('start', dto.start, dto.zone, () => before.startsLocal.date);
      const endsAt = dto.end.date
        ? this.instant('end', dto.end, dto.zone, () => dto.end.date!)
        : this.placed('end', laterTheSameDay(new Date(startsAt), dto.end.time, dto.zone), dto.end.offset, 'date');
      this.checkOrder(startsAt, endsAt, dto.zone);
      await this.checkReferences(manager, dto);
      const next = (await this.repository.correct(manager, id, version, { announcedBy: dto.announcedBy, sourceText: dto.sourceText, zone: dto.zone, startsAt, endsAt, routeIds: dto.routeIds, areaIds: dto.areaIds }))!;
      const [after] = await this.windows(manager, { ids: [id] }, now);
      const changes = windowChanges(stateOf(before), stateOf(after));
      if (changes.length === 0) throw PauseWindowsException.nothingToCorrect();
      // Only new times or a new cover can change which incident broke it (or whether one did).
      if (changes.some((change) => TIMES_AND_COVER.has(change.field))) changes.push(...(await this.revisitViolation(manager, id, before.violatedAt, startsAt, endsAt)));
      await this.repository.insertEvent(manager, actor, { windowId: id, kind: 'corrected', version: next, changes, reason: dto.reason });
      await this.audit.record(manager, actor, { action: 'correct', entity: 'pause_window', entityId: id, changedFields: changes.map((c) => c.field) });
      return { recordId: id, answer: await this.published(manager, id, 'window.corrected', now) };
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

  async get(id: string, now = new Date()): Promise<PauseWindowDetailResponse> {
    return this.detail(this.dataSource.manager, id, now);
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
   * areas), inside the incident's transaction, and tells everyone (unless the caller tells them
   * itself, with the change that led to it). Returns their ids.
   */
  async markViolations(
    manager: EntityManager,
    incident: { id: string; occurredAt: string; routeId: string | null; locationId: string | null },
    onlyWindowIds?: string[],
    { publish = true } = {},
  ): Promise<string[]> {
    const candidates = await this.repository.violationCandidates(manager, incident.occurredAt, onlyWindowIds ?? null);
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
    await this.repository.markViolated(manager, ids, incident.occurredAt, incident.id);
    if (!publish) return ids;
    for (const window of await this.windows(manager, { ids })) {
      await this.live.publish(manager, { organisationId: null, payload: { type: 'window.violated', window }, sharedPayload: null });
    }
    return ids;
  }

  private async windows(manager: EntityManager, filter: { ids?: string[]; from?: Date; to?: Date }, now = new Date()): Promise<PauseWindowResponse[]> {
    return (await this.repository.windows(manager, filter)).map((r) => toResponse(r, now));
  }

  private scopes(manager: EntityManager, ids: string[]): Promise<Map<string, { routeIds: string[]; areaIds: string[] }>> {
    return this.repository.scopes(manager, ids);
  }

  private async detail(manager: EntityManager, id: string, now: Date): Promise<PauseWindowDetailResponse> {
    const [window] = await this.windows(manager, { ids: [id] }, now);
    if (!window) throw PauseWindowsException.notFound(id);
    return { ...window, history: (await this.repository.history(manager, id)).map(toEventResponse) };
  }

  /** The window, locked for the change, if it is still at the version the person read. */
  private async lockedAtVersion(manager: EntityManager, id: string, version: number, now: Date): Promise<PauseWindowResponse> {
    const current = await this.repository.lockVersion(manager, id);
    if (current === null) throw PauseWindowsException.notFound(id);
    if (current !== version) throw PauseWindowsException.staleVersion(version, current);
    return (await this.windows(manager, { ids: [id] }, now))[0];
  }

  /** Tells everyone the window changed (the board's coverage follows), and gives it with its history. */
  private async published(manager: EntityManager, id: string, type: 'window.ended' | 'window.corrected', now: Date): Promise<PauseWindowDetailResponse> {
    const { history, ...window } = await this.detail(manager, id, now);
    await this.live.publish(manager, { organisationId: null, payload: { type, window }, sharedPayload: null });
    return { ...window, history };
  }

  /**
   * A window ended early or corrected is violated by the earliest incident that broke it as it now
   * stands (its times and cover), or by none: the mark of an incident now outside it goes, and
   * one already recorded inside its new times counts. Quiet: the `window.ended` or
   * `window.corrected` event that follows carries the window as it now stands. Returns the
   * change of its violation, if any, for that event's history entry.
   */
  private async revisitViolation(manager: EntityManager, id: string, violatedBefore: string | null, startsAt: string, endsAt: string): Promise<PauseWindowChange[]> {
    await this.repository.clearViolation(manager, id);
    const violatedNow = await this.markEarlierViolation(manager, id, startsAt, endsAt, { publish: false });
    const change = violationChange(violatedBefore, violatedNow);
    return change ? [change] : [];
  }

  /**
   * Entered late (after the fact, or after a bad connection) or moved by a correction: an
   * incident already recorded inside it has broken it, and it must not count as protection.
   */
  /** Returns when it was broken, or null. */
  private async markEarlierViolation(manager: EntityManager, id: string, startsAt: string, endsAt: string, options: { publish?: boolean } = {}): Promise<string | null> {
    for (const incident of await this.repository.incidentsBetween(manager, startsAt, endsAt)) {
      const occurredAt = incident.occurred_at.toISOString();
      const broken = await this.markViolations(manager, { id: incident.id, occurredAt, routeId: incident.route_id, locationId: incident.location_id }, [id], options);
      if (broken.length > 0) return occurredAt;
    }
    return null;
  }

  private checkOrder(startsAt: string, endsAt: string, zone: string): void {
    if (Date.parse(endsAt) > Date.parse(startsAt)) return;
    const { reason, code, params } = fieldProblem('end', 'field.end_after_start', { start: inZone(wallClockAt(startsAt, zone), zone) });
    throw PauseWindowsException.time('end', { message: reason, code, params: params! });
  }

  private async checkReferences(manager: EntityManager, dto: { routeIds: string[]; areaIds: string[] }): Promise<void> {
    const found = await this.repository.existing(manager, dto.routeIds, dto.areaIds);
    if (found.routeIds.length !== dto.routeIds.length) throw RoutesException.unknownRoute('routeIds');
    const missing = dto.areaIds.filter((id) => !found.areaIds.includes(id));
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
    version: r.version,
  };
}

function toEventResponse(e: WindowEventRow) {
  return {
    id: e.id,
    kind: e.kind,
    version: e.version,
    recordedAt: e.recorded_at.toISOString(),
    recordedBy: e.recorded_by_name,
    recordedByOrganisation: e.organisation_name,
    changes: e.changes,
    reason: e.reason,
    source: e.source,
  };
}

/** What a history entry compares, from a window as answered. */
function stateOf(w: PauseWindowResponse): WindowState {
  return { ...w, areas: w.areas.map((a) => ({ id: a.id, name: `${a.nameEn} (${a.pcode})` })) };
}

/** "2019-12-23 18:00 Asia/Damascus": how a refusal names a time of the window. */
function inZone(local: { date: string; time: string }, zone: string): string {
  return `${local.date} ${local.time} ${zone}`;
}
