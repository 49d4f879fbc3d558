import { Injectable } from '@nestjs/common';
import type { Place, RouteOnMap, RouteResponse } from '@relief-ledger/domain';
import { DEFAULT_TIME_ZONE } from '@relief-ledger/domain';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { Replays, type Replayed } from '../common/replay/replays.js';
import { AuditService, changedFieldNames } from '../audit/audit.service.js';
import type { Actor } from '../common/actor.js';
import { CreateRouteDto } from './dto/route.dto.js';
import { RoutesException } from './routes.exception.js';
import { RoutesRepository } from './routes.repository.js';

/** Routes are shared by every organisation: roads are not secret, who drives them when is. */
@Injectable()
export class RoutesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: RoutesRepository,
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
        const found = await this.repository.existingLocationIds(manager, dto.locationIds);
        const missing = dto.locationIds.filter((id) => !found.includes(id));
        if (missing.length > 0) throw RoutesException.unknownLocations(missing);
        const id = await this.repository.insert(manager, actor, { name: dto.name, line: dto.line ?? null, locationIds: dto.locationIds });
        await this.audit.record(manager, actor, { action: 'create', entity: 'route', entityId: id, changedFields: changedFieldNames(dto) });
        return { recordId: id, answer: (await this.routes(manager, [id]))[0] };
      }))
      .catch((error: unknown) => {
        if (error instanceof QueryFailedError && (error.driverError as { constraint?: string }).constraint === 'uq_routes_name') throw RoutesException.duplicateName(dto.name);
        throw error;
      });
  }

  /** Whether a route with this id exists (routes are shared: anyone's). */
  exists(manager: EntityManager, id: string): Promise<boolean> {
    return this.repository.exists(manager, id);
  }

  /** Where the route starts: the location of its first stop. */
  firstStopLocationId(manager: EntityManager, routeId: string): Promise<string> {
    return this.repository.firstStopLocationId(manager, routeId);
  }

  /** Routes with their stops in order; all of them, or those with `ids`. */
  async routes(manager: EntityManager, ids?: string[]): Promise<RouteResponse[]> {
    const rows = await this.repository.rows(manager, ids ?? null);
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
    const rows = await this.repository.stops(manager, ids);
    const places = await this.places(manager, rows.map((r) => r.location_id));
    return ids.map((id) => ({ id, stops: rows.filter((r) => r.route_id === id).map((r) => places.get(r.location_id)!) }));
  }

  /** Each location with the ids of every area above it (sub-district, district, governorate). */
  async places(manager: EntityManager, locationIds: string[]): Promise<Map<string, Place>> {
    const unique = [...new Set(locationIds)];
    if (unique.length === 0) return new Map();
    const rows = await this.repository.ancestors(manager, unique);
    return new Map(rows.map((r) => [r.id, { locationId: r.id, ancestorIds: r.ancestor_ids }]));
  }
}
