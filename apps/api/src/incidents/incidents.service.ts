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

interface IncidentRow {
  id: string;
  organisation_id: string;
  kind: IncidentResponse['kind'];
  occurred_at: Date;
  location_id: string | null;
  location_name: string | null;
  route_id: string | null;
  route_name: string | null;
  place: string | null;
  convoy_id: string | null;
  camp_id: string | null;
  camp_name: string | null;
  killed: number;
  injured: number;
  description: string;
  organisation_name: string;
  violated_window_ids: string[];
  created_at: Date;
}

const SELECT_INCIDENTS = `
  SELECT i.*, l.name_en AS location_name, r.name AS route_name, c.name_en AS camp_name, o.name AS organisation_name,
    coalesce((SELECT array_agg(w.id ORDER BY w.id) FROM pause_windows w WHERE w.violated_by_incident_id = i.id), '{}') AS violated_window_ids
  FROM incidents i
  JOIN organisations o ON o.id = i.organisation_id
  LEFT JOIN locations l ON l.id = i.location_id
  LEFT JOIN routes r ON r.id = i.route_id
  LEFT JOIN camps c ON c.id = i.camp_id`;

export interface Reported {
  created: boolean;
  incident: IncidentResponse;
}

/** Incidents are shared with every organisation: whoever reports one warns everybody. */
@Injectable()
export class IncidentsService {
  constructor(
    private readonly dataSource: DataSource,
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
    const [refs] = await manager.query(
      `SELECT (SELECT 1 FROM locations WHERE id = $1) AS location, (SELECT 1 FROM routes WHERE id = $2) AS route,
         (SELECT 1 FROM convoys WHERE id = $3 AND organisation_id = $5) AS convoy, (SELECT 1 FROM camps WHERE id = $4 AND organisation_id = $5) AS camp`,
      [dto.locationId ?? null, dto.routeId ?? null, dto.convoyId ?? null, dto.campId ?? null, actor.organisationId],
    );
    if (dto.locationId && !refs.location) throw IncidentsException.unknown('locationId', 'location');
    if (dto.routeId && !refs.route) throw IncidentsException.unknown('routeId', 'route');
    if (dto.convoyId && !refs.convoy) throw IncidentsException.unknown('convoyId', 'convoy in your organisation');
    if (dto.campId && !refs.camp) throw IncidentsException.unknown('campId', 'camp in your organisation');

    const [row] = await manager.query(
      `INSERT INTO incidents (kind, occurred_at, location_id, route_id, place, convoy_id, camp_id, killed, injured, description, organisation_id, reported_by, client_key, request_hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id`,
      [
        dto.kind,
        occurredAt.toISOString(),
        dto.locationId ?? null,
        dto.routeId ?? null,
        dto.place ?? null,
        dto.convoyId ?? null,
        dto.campId ?? null,
        dto.killed ?? 0,
        dto.injured ?? 0,
        dto.description,
        actor.organisationId,
        actor.userId,
        // The key is kept with the replay rule's keys now (common/replay), no longer on the row.
        null,
        null,
      ],
    );
    await this.audit.record(manager, actor, { action: 'create', entity: 'incident', entityId: row.id, changedFields: changedFieldNames(dto) });
    await this.windows.markViolations(manager, { id: row.id, occurredAt: occurredAt.toISOString(), routeId: dto.routeId ?? null, locationId: dto.locationId ?? null });
    const [incident] = await this.incidents(manager, actor, { ids: [row.id] });
    await this.live.publish(manager, {
      organisationId: actor.organisationId,
      payload: { type: 'incident.reported', incident },
      sharedPayload: { type: 'incident.reported', incident: sharedView(incident) },
    });
    await claim?.settle({ recordId: row.id, answer: incident });
    return { created: true, incident };
  }

  async list(actor: Actor, query: IncidentListQueryDto): Promise<Page<IncidentResponse>> {
    const window = pageWindow(query);
    const filter = { kind: query.kind, routeId: query.routeId, from: query.from, to: query.to };
    const [{ total }] = await this.dataSource.query(`SELECT count(*)::int AS total FROM incidents i WHERE ${WHERE}`, whereParams(filter));
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
    const rows: IncidentRow[] = await manager.query(`${SELECT_INCIDENTS} WHERE ${WHERE} ORDER BY i.occurred_at DESC, i.id LIMIT $6 OFFSET $7`, [
      ...whereParams(filter),
      window.pageSize,
      window.skip,
    ]);
    return rows.map((r) => (r.organisation_id === viewer.organisationId ? toResponse(r) : sharedView(toResponse(r))));
  }

  /** Whether an incident with this id was reported, by anyone (incidents are shared). */
  async exists(manager: EntityManager, id: string): Promise<boolean> {
    const [row] = await manager.query(`SELECT 1 FROM incidents WHERE id = $1`, [id]);
    return Boolean(row);
  }

  /** Whether the incident may be named by this convoy: it is about this convoy, or about no convoy. */
  async concernsConvoyOrNone(manager: EntityManager, id: string, convoyId: string): Promise<boolean> {
    const [row] = await manager.query(`SELECT 1 FROM incidents WHERE id = $1 AND (convoy_id IS NULL OR convoy_id = $2)`, [id, convoyId]);
    return Boolean(row);
  }

  /** Incidents since `since` on the route or at one of its stops: what a convoy about to leave must weigh. */
  async onRouteSince(manager: EntityManager, routeId: string, since: Date): Promise<{ id: string; kind: string; occurredAt: string }[]> {
    const rows: { id: string; kind: string; occurred_at: Date }[] = await manager.query(
      `SELECT i.id, i.kind, i.occurred_at FROM incidents i
       WHERE i.occurred_at >= $2 AND (i.route_id = $1 OR i.location_id IN (SELECT location_id FROM route_stops WHERE route_id = $1))`,
      [routeId, since],
    );
    return rows.map((i) => ({ id: i.id, kind: i.kind, occurredAt: i.occurred_at.toISOString() }));
  }
}

interface IncidentFilter {
  ids?: string[];
  kind?: string;
  routeId?: string;
  from?: string;
  to?: string;
}

const WHERE = `($1::uuid[] IS NULL OR i.id = ANY($1)) AND ($2::text IS NULL OR i.kind = $2) AND ($3::uuid IS NULL OR i.route_id = $3)
  AND ($4::timestamptz IS NULL OR i.occurred_at >= $4) AND ($5::timestamptz IS NULL OR i.occurred_at < $5)`;

function whereParams(f: IncidentFilter): unknown[] {
  return [f.ids ?? null, f.kind ?? null, f.routeId ?? null, f.from ?? null, f.to ?? null];
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
