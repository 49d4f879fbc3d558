import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/**
 * The owner of `routes` and `route_stops` (STYLE.md 11): the only file that writes them. Routes
 * are shared by every organisation, so reads take no organisation filter; locations are read
 * here only as a route's stops and the areas above them.
 */

/** A route with its stops in order, as stored. */
export interface RouteRow {
  id: string;
  name: string;
  line: [number, number][] | null;
  stops: { locationId: string; pcode: string; nameEn: string; nameAr: string; timeZone: string }[];
}

@Injectable()
export class RoutesRepository {
  /** Of these location ids, the ones that exist. */
  async existingLocationIds(manager: EntityManager, ids: string[]): Promise<string[]> {
    const rows: { id: string }[] = await manager.query(`SELECT id FROM locations WHERE id = ANY($1)`, [ids]);
    return rows.map((row) => row.id);
  }

  /** Records the route and its stops in the order given; returns its id. A name taken fails on uq_routes_name. */
  async insert(
    manager: EntityManager,
    creator: { organisationId: string; userId: string },
    route: { name: string; line: [number, number][] | null; locationIds: string[] },
  ): Promise<string> {
    const [row] = await manager.query(`INSERT INTO routes (name, line, organisation_id, created_by) VALUES ($1, $2, $3, $4) RETURNING id`, [
      route.name,
      route.line ? JSON.stringify(route.line) : null,
      creator.organisationId,
      creator.userId,
    ]);
    await manager.query(`INSERT INTO route_stops (route_id, position, location_id) SELECT $1, ordinality - 1, id FROM unnest($2::uuid[]) WITH ORDINALITY AS s(id, ordinality)`, [
      row.id,
      route.locationIds,
    ]);
    return row.id;
  }

  async exists(manager: EntityManager, id: string): Promise<boolean> {
    const [row] = await manager.query(`SELECT 1 FROM routes WHERE id = $1`, [id]);
    return Boolean(row);
  }

  async firstStopLocationId(manager: EntityManager, routeId: string): Promise<string> {
    const [stop]: { location_id: string }[] = await manager.query(`SELECT location_id FROM route_stops WHERE route_id = $1 ORDER BY position LIMIT 1`, [routeId]);
    return stop.location_id;
  }

  /** All routes, or those with `ids`, by name, each with its stops in order. */
  rows(manager: EntityManager, ids: string[] | null): Promise<RouteRow[]> {
    return manager.query(
      `SELECT r.id, r.name, r.line,
         coalesce(json_agg(json_build_object('locationId', l.id, 'pcode', l.pcode, 'nameEn', l.name_en, 'nameAr', l.name_ar, 'timeZone', l.time_zone)
           ORDER BY s.position) FILTER (WHERE s.route_id IS NOT NULL), '[]') AS stops
       FROM routes r
       LEFT JOIN route_stops s ON s.route_id = r.id
       LEFT JOIN locations l ON l.id = s.location_id
       WHERE $1::uuid[] IS NULL OR r.id = ANY($1)
       GROUP BY r.id ORDER BY r.name`,
      [ids],
    );
  }

  /** The stops of these routes, route by route in order. */
  stops(manager: EntityManager, routeIds: string[]): Promise<{ route_id: string; location_id: string }[]> {
    return manager.query(`SELECT route_id, location_id FROM route_stops WHERE route_id = ANY($1) ORDER BY route_id, position`, [routeIds]);
  }

  /** Each location with the ids of every area above it (sub-district, district, governorate). */
  ancestors(manager: EntityManager, locationIds: string[]): Promise<{ id: string; ancestor_ids: string[] }[]> {
    return manager.query(
      `WITH RECURSIVE up AS (
         SELECT id AS start, parent_id FROM locations WHERE id = ANY($1)
         UNION ALL
         SELECT up.start, l.parent_id FROM up JOIN locations l ON l.id = up.parent_id WHERE up.parent_id IS NOT NULL
       )
       SELECT start AS id, coalesce(array_agg(parent_id) FILTER (WHERE parent_id IS NOT NULL), '{}') AS ancestor_ids FROM up GROUP BY start`,
      [locationIds],
    );
  }
}
