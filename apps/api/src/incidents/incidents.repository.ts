import { Injectable } from '@nestjs/common';
import type { IncidentKind } from '@relief-ledger/domain';
import type { EntityManager } from 'typeorm';

/**
 * The owner of `incidents` (STYLE.md 11): the only file that writes it. Incidents are shared by
 * every organisation, so reads take no organisation filter; what another organisation may not
 * see (which convoy or camp) is left out by the service.
 */

/** An incident as stored, with the names the screens show. */
export interface IncidentRow {
  id: string;
  organisation_id: string;
  kind: IncidentKind;
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

export interface IncidentFilter {
  ids?: string[];
  kind?: string;
  routeId?: string;
  from?: string;
  to?: string;
}

/** What an incident is recorded with; the instant already placed. */
export interface NewIncident {
  kind: IncidentKind;
  occurredAt: string;
  locationId: string | null;
  routeId: string | null;
  place: string | null;
  convoyId: string | null;
  campId: string | null;
  killed: number;
  injured: number;
  description: string;
}

const SELECT_INCIDENTS = `
  SELECT i.*, l.name_en AS location_name, r.name AS route_name, c.name_en AS camp_name, o.name AS organisation_name,
    coalesce((SELECT array_agg(w.id ORDER BY w.id) FROM pause_windows w WHERE w.violated_by_incident_id = i.id), '{}') AS violated_window_ids
  FROM incidents i
  JOIN organisations o ON o.id = i.organisation_id
  LEFT JOIN locations l ON l.id = i.location_id
  LEFT JOIN routes r ON r.id = i.route_id
  LEFT JOIN camps c ON c.id = i.camp_id`;

const WHERE = `($1::uuid[] IS NULL OR i.id = ANY($1)) AND ($2::text IS NULL OR i.kind = $2) AND ($3::uuid IS NULL OR i.route_id = $3)
  AND ($4::timestamptz IS NULL OR i.occurred_at >= $4) AND ($5::timestamptz IS NULL OR i.occurred_at < $5)`;

function whereParams(f: IncidentFilter): unknown[] {
  return [f.ids ?? null, f.kind ?? null, f.routeId ?? null, f.from ?? null, f.to ?? null];
}

@Injectable()
export class IncidentsRepository {
  /**
   * Which of the references exist: locations and routes are shared, a convoy or a camp must be
   * the reporting organisation's.
   */
  async references(
    manager: EntityManager,
    organisationId: string,
    refs: { locationId: string | null; routeId: string | null; convoyId: string | null; campId: string | null },
  ): Promise<{ location: boolean; route: boolean; convoy: boolean; camp: boolean }> {
    const [row] = await manager.query(
      `SELECT (SELECT 1 FROM locations WHERE id = $1) AS location, (SELECT 1 FROM routes WHERE id = $2) AS route,
         (SELECT 1 FROM convoys WHERE id = $3 AND organisation_id = $5) AS convoy, (SELECT 1 FROM camps WHERE id = $4 AND organisation_id = $5) AS camp`,
      [refs.locationId, refs.routeId, refs.convoyId, refs.campId, organisationId],
    );
    return { location: Boolean(row.location), route: Boolean(row.route), convoy: Boolean(row.convoy), camp: Boolean(row.camp) };
  }

  /** Records it for the reporting user's organisation; returns its id. */
  async insert(manager: EntityManager, reporter: { organisationId: string; userId: string }, incident: NewIncident): Promise<string> {
    const [row] = await manager.query(
      `INSERT INTO incidents (kind, occurred_at, location_id, route_id, place, convoy_id, camp_id, killed, injured, description, organisation_id, reported_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
      [
        incident.kind,
        incident.occurredAt,
        incident.locationId,
        incident.routeId,
        incident.place,
        incident.convoyId,
        incident.campId,
        incident.killed,
        incident.injured,
        incident.description,
        reporter.organisationId,
        reporter.userId,
      ],
    );
    return row.id;
  }

  async count(manager: EntityManager, filter: IncidentFilter): Promise<number> {
    const [{ total }] = await manager.query(`SELECT count(*)::int AS total FROM incidents i WHERE ${WHERE}`, whereParams(filter));
    return total;
  }

  /** Newest first. */
  rows(manager: EntityManager, filter: IncidentFilter, window: { pageSize: number; skip: number }): Promise<IncidentRow[]> {
    return manager.query(`${SELECT_INCIDENTS} WHERE ${WHERE} ORDER BY i.occurred_at DESC, i.id LIMIT $6 OFFSET $7`, [...whereParams(filter), window.pageSize, window.skip]);
  }

  async exists(manager: EntityManager, id: string): Promise<boolean> {
    const [row] = await manager.query(`SELECT 1 FROM incidents WHERE id = $1`, [id]);
    return Boolean(row);
  }

  async concernsConvoyOrNone(manager: EntityManager, id: string, convoyId: string): Promise<boolean> {
    const [row] = await manager.query(`SELECT 1 FROM incidents WHERE id = $1 AND (convoy_id IS NULL OR convoy_id = $2)`, [id, convoyId]);
    return Boolean(row);
  }

  /** On the route or at one of its stops since `since`. */
  onRouteSince(manager: EntityManager, routeId: string, since: Date): Promise<{ id: string; kind: string; occurred_at: Date }[]> {
    return manager.query(
      `SELECT i.id, i.kind, i.occurred_at FROM incidents i
       WHERE i.occurred_at >= $2 AND (i.route_id = $1 OR i.location_id IN (SELECT location_id FROM route_stops WHERE route_id = $1))`,
      [routeId, since],
    );
  }
}
