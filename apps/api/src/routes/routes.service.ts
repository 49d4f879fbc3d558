import { Injectable } from '@nestjs/common';
import type { Place, RouteOnMap, RouteResponse } from '@relief-ledger/domain';
import { DEFAULT_TIME_ZONE } from '@relief-ledger/domain';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { Replays, type Replayed } from '../common/replay/replays.js';
import { AuditService, changedFieldNames } from '../audit/audit.service.js';
import type { Actor } from '../common/actor.js';
import { CreateRouteDto } from './dto/route.dto.js';
import { RoutesException } from './routes.exception.js';

interface RouteRow {
  id: string;
  name: string;
  line: [number, number][] | null;
  stops: { locationId: string; pcode: string; nameEn: string; nameAr: string; timeZone: string }[];
}

/** Routes are shared by every organisation: roads are not secret, who drives them when is. */
@Injectable()
export class RoutesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly replays: Replays,
  ) {}

  list(): Promise<RouteResponse[]> {
    return this.routes(this.dataSource.manager);
  }

  async get(id: string): Promise<RouteResponse> {
    const [route] = await this.routes(this.dataSource.manager, [id]);
    if (!route) throw RoutesException.notFound(id);
    return route;
  }

  async create(actor: Actor, dto: CreateRouteDto, idempotencyKey?: string): Promise<Replayed<RouteResponse>> {
    const request = { operation: 'route.create', clientId: dto.clientId, header: idempotencyKey, content: dto };
    return this.dataSource
      .transaction((manager) => this.replays.once(manager, actor.organisationId, request, async () => {
        const found: { id: string }[] = await manager.query(`SELECT id FROM locations WHERE id = ANY($1)`, [dto.locationIds]);
        const missing = dto.locationIds.filter((id) => !found.some((f) => f.id === id));
        if (missing.length > 0) throw RoutesException.unknownLocations(missing);
        const [row] = await manager.query(`INSERT INTO routes (name, line, organisation_id, created_by) VALUES ($1, $2, $3, $4) RETURNING id`, [
          dto.name,
          dto.line ? JSON.stringify(dto.line) : null,
          actor.organisationId,
          actor.userId,
        ]);
        await manager.query(`INSERT INTO route_stops (route_id, position, location_id) SELECT $1, ordinality - 1, id FROM unnest($2::uuid[]) WITH ORDINALITY AS s(id, ordinality)`, [
          row.id,
          dto.locationIds,
        ]);
        await this.audit.record(manager, actor, { action: 'create', entity: 'route', entityId: row.id, changedFields: changedFieldNames(dto) });
        return { recordId: row.id as string, answer: (await this.routes(manager, [row.id]))[0] };
      }))
      .catch((error: unknown) => {
        if (error instanceof QueryFailedError && (error.driverError as { constraint?: string }).constraint === 'uq_routes_name') throw RoutesException.duplicateName(dto.name);
        throw error;
      });
  }

  /** Whether a route with this id exists (routes are shared: anyone's). */
  async exists(manager: EntityManager, id: string): Promise<boolean> {
    const [row] = await manager.query(`SELECT 1 FROM routes WHERE id = $1`, [id]);
    return Boolean(row);
  }

  /** Where the route starts: the location of its first stop. */
  async firstStopLocationId(manager: EntityManager, routeId: string): Promise<string> {
    const [stop]: { location_id: string }[] = await manager.query(`SELECT location_id FROM route_stops WHERE route_id = $1 ORDER BY position LIMIT 1`, [routeId]);
    return stop.location_id;
  }

  /** Routes with their stops in order; all of them, or those with `ids`. */
  async routes(manager: EntityManager, ids?: string[]): Promise<RouteResponse[]> {
    const rows: RouteRow[] = await manager.query(
      `SELECT r.id, r.name, r.line,
         coalesce(json_agg(json_build_object('locationId', l.id, 'pcode', l.pcode, 'nameEn', l.name_en, 'nameAr', l.name_ar, 'timeZone', l.time_zone)
           ORDER BY s.position) FILTER (WHERE s.route_id IS NOT NULL), '[]') AS stops
       FROM routes r
       LEFT JOIN route_stops s ON s.route_id = r.id
       LEFT JOIN locations l ON l.id = s.location_id
       WHERE $1::uuid[] IS NULL OR r.id = ANY($1)
       GROUP BY r.id ORDER BY r.name`,
      [ids ?? null],
    );
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      line: r.line,
      timeZone: r.stops[0]?.timeZone ?? DEFAULT_TIME_ZONE,
      stops: r.stops.map(({ locationId, pcode, nameEn, nameAr }) => ({ locationId, pcode, nameEn, nameAr })),
    }));
  }

  /** Routes as the domain's rules see them: each stop with the areas that contain it. */
  async routesOnMap(manager: EntityManager, ids: string[]): Promise<RouteOnMap[]> {
    if (ids.length === 0) return [];
    const rows: { route_id: string; location_id: string }[] = await manager.query(
      `SELECT route_id, location_id FROM route_stops WHERE route_id = ANY($1) ORDER BY route_id, position`,
      [ids],
    );
    const places = await this.places(manager, rows.map((r) => r.location_id));
    return ids.map((id) => ({ id, stops: rows.filter((r) => r.route_id === id).map((r) => places.get(r.location_id)!) }));
  }

  /** Each location with the ids of every area above it (sub-district, district, governorate). */
  async places(manager: EntityManager, locationIds: string[]): Promise<Map<string, Place>> {
    const unique = [...new Set(locationIds)];
    if (unique.length === 0) return new Map();
    const rows: { id: string; ancestor_ids: string[] }[] = await manager.query(
      `WITH RECURSIVE up AS (
         SELECT id AS start, parent_id FROM locations WHERE id = ANY($1)
         UNION ALL
         SELECT up.start, l.parent_id FROM up JOIN locations l ON l.id = up.parent_id WHERE up.parent_id IS NOT NULL
       )
       SELECT start AS id, coalesce(array_agg(parent_id) FILTER (WHERE parent_id IS NOT NULL), '{}') AS ancestor_ids FROM up GROUP BY start`,
      [unique],
    );
    return new Map(rows.map((r) => [r.id, { locationId: r.id, ancestorIds: r.ancestor_ids }]));
  }
}
