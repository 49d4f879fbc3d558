import { Injectable } from '@nestjs/common';
import type { PauseWindowChange, PauseWindowEventKind } from '@relief-ledger/domain';
import type { EntityManager } from 'typeorm';
import { updateReturning } from '../common/database/update-returning.js';

/** A window as stored, with the organisation that entered it and what it covers, named. */
export interface WindowRow {
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
  version: number;
  routes: { id: string; name: string }[];
  areas: { id: string; pcode: string; nameEn: string }[];
}

export interface WindowEventRow {
  id: string;
  kind: PauseWindowEventKind;
  version: number;
  recorded_at: Date;
  /** Null for another organisation's staff: row-level security keeps their users to them. */
  recorded_by_name: string | null;
  organisation_name: string;
  changes: PauseWindowChange[];
  reason: string | null;
  source: string | null;
}

/** The fields a window is entered (or corrected) with, instants already placed. */
export interface WindowFields {
  announcedBy: string;
  sourceText: string;
  zone: string;
  startsAt: string;
  endsAt: string;
}

const SELECT_WINDOWS = `
  SELECT w.*, o.name AS organisation_name,
    coalesce((SELECT json_agg(json_build_object('id', r.id, 'name', r.name) ORDER BY r.name)
              FROM pause_window_routes wr JOIN routes r ON r.id = wr.route_id WHERE wr.window_id = w.id), '[]') AS routes,
    coalesce((SELECT json_agg(json_build_object('id', l.id, 'pcode', l.pcode, 'nameEn', l.name_en) ORDER BY l.pcode)
              FROM pause_window_areas wa JOIN locations l ON l.id = wa.location_id WHERE wa.window_id = w.id), '[]') AS areas
  FROM pause_windows w JOIN organisations o ON o.id = w.organisation_id`;

/**
 * The one writer of pause_windows, their routes and areas, and their history
 * (pause_window_events). Windows are shared by every organisation, so reads take no
 * organisation; writes record the one that made them.
 */
@Injectable()
export class PauseWindowsRepository {
  async insert(
    manager: EntityManager,
    by: { organisationId: string; userId: string },
    fields: WindowFields & { announcedAt: string | null; notes: string | null; routeIds: string[]; areaIds: string[] },
  ): Promise<string> {
    // The `entered` event is written by the insert trigger (migration PauseWindowEvents).
    const [row] = await manager.query(
      `INSERT INTO pause_windows (announced_by, source_text, announced_at, zone, starts_at, ends_at, notes, organisation_id, recorded_by)
       VALUES ($1, $2, coalesce($3::timestamptz, now()), $4, $5, $6, $7, $8, $9) RETURNING id`,
      [fields.announcedBy, fields.sourceText, fields.announcedAt, fields.zone, fields.startsAt, fields.endsAt, fields.notes, by.organisationId, by.userId],
    );
    await this.insertScope(manager, row.id, fields.routeIds, fields.areaIds);
    return row.id as string;
  }

  /** Locks the window until the transaction ends and gives its version; null when there is none. */
  async lockVersion(manager: EntityManager, id: string): Promise<number | null> {
    const rows: { version: number }[] = await manager.query(`SELECT version FROM pause_windows WHERE id = $1 FOR UPDATE`, [id]);
    return rows[0]?.version ?? null;
  }

  /** Ends the window at `endsAt`, at `version` only; the new version, or null when it moved on. */
  async end(manager: EntityManager, id: string, version: number, endsAt: string): Promise<number | null> {
    const rows = await updateReturning<{ version: number }>(
      manager,
      `UPDATE pause_windows SET ends_at = $3, version = version + 1 WHERE id = $1 AND version = $2 RETURNING version`,
      [id, version, endsAt],
    );
    return rows[0]?.version ?? null;
  }

  /** Enters the window again as corrected, at `version` only; the new version, or null when it moved on. */
  async correct(manager: EntityManager, id: string, version: number, fields: WindowFields & { routeIds: string[]; areaIds: string[] }): Promise<number | null> {
    const rows = await updateReturning<{ version: number }>(
      manager,
      `UPDATE pause_windows SET announced_by = $3, source_text = $4, zone = $5, starts_at = $6, ends_at = $7, version = version + 1
       WHERE id = $1 AND version = $2 RETURNING version`,
      [id, version, fields.announcedBy, fields.sourceText, fields.zone, fields.startsAt, fields.endsAt],
    );
    if (!rows[0]) return null;
    await manager.query(`DELETE FROM pause_window_routes WHERE window_id = $1`, [id]);
    await manager.query(`DELETE FROM pause_window_areas WHERE window_id = $1`, [id]);
    await this.insertScope(manager, id, fields.routeIds, fields.areaIds);
    return rows[0].version;
  }

  async insertEvent(
    manager: EntityManager,
    by: { organisationId: string; userId: string },
    event: { windowId: string; kind: Exclude<PauseWindowEventKind, 'entered'>; version: number; changes: PauseWindowChange[]; reason?: string; source?: string },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO pause_window_events (window_id, kind, version, changes, reason, source, organisation_id, recorded_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [event.windowId, event.kind, event.version, JSON.stringify(event.changes), event.reason ?? null, event.source ?? null, by.organisationId, by.userId],
    );
  }

  async history(manager: EntityManager, windowId: string): Promise<WindowEventRow[]> {
    return manager.query(
      `SELECT e.id, e.kind, e.version, e.recorded_at, u.name AS recorded_by_name, o.name AS organisation_name, e.changes, e.reason, e.source
       FROM pause_window_events e JOIN organisations o ON o.id = e.organisation_id LEFT JOIN users u ON u.id = e.recorded_by
       WHERE e.window_id = $1 ORDER BY e.version, e.recorded_at`,
      [windowId],
    );
  }

  async markViolated(manager: EntityManager, ids: string[], at: string, incidentId: string): Promise<void> {
    await manager.query(`UPDATE pause_windows SET violated_at = $2, violated_by_incident_id = $3 WHERE id = ANY($1)`, [ids, at, incidentId]);
  }

  async windows(manager: EntityManager, filter: { ids?: string[]; from?: Date; to?: Date }): Promise<WindowRow[]> {
    return manager.query(
      `${SELECT_WINDOWS}
       WHERE ($1::uuid[] IS NULL OR w.id = ANY($1)) AND ($2::timestamptz IS NULL OR w.ends_at > $2) AND ($3::timestamptz IS NULL OR w.starts_at < $3)
       ORDER BY w.starts_at DESC`,
      [filter.ids ?? null, filter.from ?? null, filter.to ?? null],
    );
  }

  /** Forgets the window's violation, to be worked out again for its new times or cover. */
  async clearViolation(manager: EntityManager, id: string): Promise<void> {
    await manager.query(`UPDATE pause_windows SET violated_at = NULL, violated_by_incident_id = NULL WHERE id = $1`, [id]);
  }

  /** Windows not yet violated that were in force at `at` (of `onlyIds` when given), locked for marking. */
  async violationCandidates(manager: EntityManager, at: string, onlyIds: string[] | null): Promise<{ id: string; starts_at: Date; ends_at: Date }[]> {
    return manager.query(
      `SELECT id, starts_at, ends_at FROM pause_windows
       WHERE violated_at IS NULL AND starts_at <= $1 AND $1 < ends_at AND ($2::uuid[] IS NULL OR id = ANY($2)) ORDER BY id FOR UPDATE`,
      [at, onlyIds],
    );
  }

  async scopes(manager: EntityManager, ids: string[]): Promise<Map<string, { routeIds: string[]; areaIds: string[] }>> {
    const rows: { id: string; route_ids: string[]; area_ids: string[] }[] = await manager.query(
      `SELECT w.id,
         coalesce((SELECT array_agg(route_id) FROM pause_window_routes WHERE window_id = w.id), '{}') AS route_ids,
         coalesce((SELECT array_agg(location_id) FROM pause_window_areas WHERE window_id = w.id), '{}') AS area_ids
       FROM pause_windows w WHERE w.id = ANY($1)`,
      [ids],
    );
    return new Map(rows.map((r) => [r.id, { routeIds: r.route_ids, areaIds: r.area_ids }]));
  }

  /** Incidents recorded inside [from, to), oldest first: the ones a window entered late may already have broken. */
  async incidentsBetween(manager: EntityManager, from: string, to: string): Promise<{ id: string; occurred_at: Date; route_id: string | null; location_id: string | null }[]> {
    return manager.query(`SELECT id, occurred_at, route_id, location_id FROM incidents WHERE occurred_at >= $1 AND occurred_at < $2 ORDER BY occurred_at, id`, [from, to]);
  }

  /** Of the given routes and locations, the ones that exist. */
  async existing(manager: EntityManager, routeIds: string[], areaIds: string[]): Promise<{ routeIds: string[]; areaIds: string[] }> {
    const routes: { id: string }[] = await manager.query(`SELECT id FROM routes WHERE id = ANY($1)`, [routeIds]);
    const areas: { id: string }[] = await manager.query(`SELECT id FROM locations WHERE id = ANY($1)`, [areaIds]);
    return { routeIds: routes.map((r) => r.id), areaIds: areas.map((a) => a.id) };
  }

  private async insertScope(manager: EntityManager, windowId: string, routeIds: string[], areaIds: string[]): Promise<void> {
    await manager.query(`INSERT INTO pause_window_routes (window_id, route_id) SELECT $1, unnest($2::uuid[])`, [windowId, routeIds]);
    await manager.query(`INSERT INTO pause_window_areas (window_id, location_id) SELECT $1, unnest($2::uuid[])`, [windowId, areaIds]);
  }
}
