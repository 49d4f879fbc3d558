import { Injectable } from '@nestjs/common';
import type { IncidentResponse, Page } from '@relief-ledger/domain';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService, changedFieldNames } from '../audit/audit.service.js';
import type { Actor } from '../common/actor.js';
import { Replays } from '../common/replay/replays.js';
import { reportedAt } from '../common/validation/reported-at.js';
import { pageWindow, toPage } from '../common/validation/pagination.js';
import { LiveEventsService } from '../live-events/live-events.service.js';
import { PauseWindowsService } from '../pause-windows/pause-windows.service.js';
import { CreateIncidentDto, IncidentListQueryDto } from './dto/incident.dto.js';
import { IncidentsException } from './incidents.exception.js';
import { IncidentFilter, IncidentRow, IncidentsRepository } from './incidents.repository.js';

export interface Reported {
  created: boolean;
  incident: IncidentResponse;
}

/** Incidents are shared with every organisation: whoever reports one warns everybody. */
@Injectable()
export class IncidentsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: IncidentsRepository,
    private readonly audit: AuditService,
    private readonly windows: PauseWindowsService,
    private readonly live: LiveEventsService,
    private readonly replays: Replays,
  ) {}

  report(actor: Actor, dto: CreateIncidentDto, idempotencyKey?: string): Promise<Reported> {
    return this.dataSource.transaction(async (manager) => {
      await this.live.beginPublishing(manager);
      return this.reportIn(manager, actor, dto, new Date(), idempotencyKey);
    });
  }

  /**
   * Records the incident in the caller's transaction: audit row, the windows it broke, and the
   * live event. A re-send with the same key (client id or Idempotency-Key) answers the first report.
   */
  async reportIn(manager: EntityManager, actor: Actor, dto: CreateIncidentDto, now = new Date(), idempotencyKey?: string): Promise<Reported> {
    const occurredAt = reportedAt(dto.occurredAt, now, () => IncidentsException.inTheFuture());
    if (!dto.locationId && !dto.routeId && !dto.place) throw IncidentsException.nowhere();
    const claim = await this.replays.claim(manager, actor.organisationId, {
      operation: 'incident.report',
      clientId: dto.clientId,
      header: idempotencyKey,
      content: { ...dto, occurredAt: dto.occurredAt ? occurredAt.toISOString() : undefined },
    });
    if (claim?.replayed) return { created: false, incident: claim.answer as IncidentResponse };
    const refs = await this.repository.references(manager, actor.organisationId, {
      locationId: dto.locationId ?? null,
      routeId: dto.routeId ?? null,
      convoyId: dto.convoyId ?? null,
      campId: dto.campId ?? null,
    });
    if (dto.locationId && !refs.location) throw IncidentsException.unknown('locationId', 'location');
    if (dto.routeId && !refs.route) throw IncidentsException.unknown('routeId', 'route');
    if (dto.convoyId && !refs.convoy) throw IncidentsException.unknown('convoyId', 'convoy in your organisation');
    if (dto.campId && !refs.camp) throw IncidentsException.unknown('campId', 'camp in your organisation');

    const id = await this.repository.insert(manager, actor, {
      kind: dto.kind,
      occurredAt: occurredAt.toISOString(),
      locationId: dto.locationId ?? null,
      routeId: dto.routeId ?? null,
      place: dto.place ?? null,
      convoyId: dto.convoyId ?? null,
      campId: dto.campId ?? null,
      killed: dto.killed ?? 0,
      injured: dto.injured ?? 0,
      description: dto.description,
    });
    await this.audit.record(manager, actor, { action: 'create', entity: 'incident', entityId: id, changedFields: changedFieldNames(dto) });
    await this.windows.markViolations(manager, { id, occurredAt: occurredAt.toISOString(), routeId: dto.routeId ?? null, locationId: dto.locationId ?? null });
    const [incident] = await this.incidents(manager, actor, { ids: [id] });
    await this.live.publish(manager, {
      organisationId: actor.organisationId,
      payload: { type: 'incident.reported', incident },
      sharedPayload: { type: 'incident.reported', incident: sharedView(incident) },
    });
    await claim?.settle({ recordId: id, answer: incident });
    return { created: true, incident };
  }

  async list(actor: Actor, query: IncidentListQueryDto): Promise<Page<IncidentResponse>> {
    const window = pageWindow(query);
    const filter = { kind: query.kind, routeId: query.routeId, from: query.from, to: query.to };
    const total = await this.repository.count(this.dataSource.manager, filter);
    const items = await this.incidents(this.dataSource.manager, actor, filter, window);
    return toPage(items, total, window);
  }

  async get(actor: Actor, id: string): Promise<IncidentResponse> {
    const [incident] = await this.incidents(this.dataSource.manager, actor, { ids: [id] });
    if (!incident) throw IncidentsException.notFound(id);
    return incident;
  }

  /** Newest first, as `viewer`'s organisation may see them. */
  async incidents(manager: EntityManager, viewer: Pick<Actor, 'organisationId'>, filter: IncidentFilter, window = { pageSize: 1000, skip: 0 }): Promise<IncidentResponse[]> {
    const rows = await this.repository.rows(manager, filter, window);
    return rows.map((r) => (r.organisation_id === viewer.organisationId ? toResponse(r) : sharedView(toResponse(r))));
  }

  /** Whether an incident with this id was reported, by anyone (incidents are shared). */
  exists(manager: EntityManager, id: string): Promise<boolean> {
    return this.repository.exists(manager, id);
  }

  /** Whether the incident may be named by this convoy: it is about this convoy, or about no convoy. */
  concernsConvoyOrNone(manager: EntityManager, id: string, convoyId: string): Promise<boolean> {
    return this.repository.concernsConvoyOrNone(manager, id, convoyId);
  }

  /** Incidents since `since` on the route or at one of its stops: what a convoy about to leave must weigh. */
  async onRouteSince(manager: EntityManager, routeId: string, since: Date): Promise<{ id: string; kind: string; occurredAt: string }[]> {
    const rows = await this.repository.onRouteSince(manager, routeId, since);
    return rows.map((i) => ({ id: i.id, kind: i.kind, occurredAt: i.occurred_at.toISOString() }));
  }
}

/**
 * What other organisations see: what happened, when and where (everyone must plan around it),
 * but not which of the reporter's convoys or camps was involved — that would tell where a
 * convoy was.
 */
function sharedView(incident: IncidentResponse): IncidentResponse {
  return { ...incident, convoyId: null, campId: null, campName: null };
}

function toResponse(r: IncidentRow): IncidentResponse {
  return {
    id: r.id,
    kind: r.kind,
    occurredAt: r.occurred_at.toISOString(),
    locationId: r.location_id,
    locationName: r.location_name,
    routeId: r.route_id,
    routeName: r.route_name,
    place: r.place,
    convoyId: r.convoy_id,
    campId: r.camp_id,
    campName: r.camp_name,
    killed: r.killed,
    injured: r.injured,
    description: r.description,
    reportedByOrganisation: r.organisation_name,
    violatedWindowIds: r.violated_window_ids,
    createdAt: r.created_at.toISOString(),
  };
}
