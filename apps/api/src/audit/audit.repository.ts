import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

export interface AuditFilter {
  entity?: string;
  entityId?: string;
  userId?: string;
  action?: string;
  from?: string;
  to?: string;
  /** Reads of sensitive records (these actions) only, or everything else. */
  reads?: { only: boolean; actions: readonly string[] };
}

export interface AuditRow {
  id: string;
  at: Date;
  user_id: string | null;
  user_name: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  changed_fields: string[];
  record_label: string | null;
  target_kind: string | null;
  target_id: string | null;
}

const UUID_PATTERN = `'^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$'`;

/**
 * The audit trail's reads. Rows are written by AuditService inside each write's own transaction;
 * here they are only listed, one organisation at a time, with the names of who and what.
 */
@Injectable()
export class AuditRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** In the manager's transaction when it has one: a write and its audit row commit together. */
  async insert(
    manager: EntityManager,
    row: { organisationId: string | null; userId: string | null; action: string; entity: string; entityId?: string | null; changedFields?: string[] },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO audit_log (organisation_id, user_id, action, entity, entity_id, changed_fields) VALUES ($1, $2, $3, $4, $5, $6)`,
      [row.organisationId, row.userId, row.action, row.entity, row.entityId ?? null, row.changedFields ?? []],
    );
  }

  async page(organisationId: string, filter: AuditFilter, window: { pageSize: number; skip: number }): Promise<{ rows: AuditRow[]; total: number }> {
    const params: unknown[] = [organisationId];
    let where = 'a.organisation_id = $1';
    if (filter.entity) where += ` AND a.entity = $${params.push(filter.entity)}`;
    if (filter.entityId) where += ` AND a.entity_id = $${params.push(filter.entityId)}`;
    if (filter.userId) where += ` AND a.user_id = $${params.push(filter.userId)}`;
    if (filter.action) where += ` AND a.action = $${params.push(filter.action)}`;
    if (filter.from) where += ` AND a.at >= $${params.push(filter.from)}`;
    if (filter.to) where += ` AND a.at < $${params.push(filter.to)}`;
    if (filter.reads) where += ` AND ${filter.reads.only ? '' : 'NOT '}a.action = ANY($${params.push(filter.reads.actions)})`;
    const [{ total }] = await this.dataSource.query(`SELECT count(*)::int AS total FROM audit_log a WHERE ${where}`, params);
    // The page first, then the names of its twenty-odd records; an id that is not a UUID (an
    // import's, a report's) names nothing. Row-level security keeps other organisations' records
    // nameless even if an id matched one.
    const rows: AuditRow[] = await this.dataSource.query(
      `WITH page AS (
         SELECT a.*, CASE WHEN a.entity_id ~ ${UUID_PATTERN} THEN a.entity_id::uuid END AS record_id
         FROM audit_log a WHERE ${where}
         ORDER BY a.at DESC, a.id DESC LIMIT $${params.length + 1} OFFSET $${params.length + 2}
       ), named AS (
         SELECT p.*,
           CASE p.entity
             WHEN 'camp' THEN (SELECT c.name_en FROM camps c WHERE c.id = p.record_id)
             WHEN 'convoy' THEN (SELECT v.name FROM convoys v WHERE v.id = p.record_id)
             WHEN 'user' THEN (SELECT u.name FROM users u WHERE u.id = p.record_id)
             WHEN 'api_token' THEN (SELECT t.name FROM api_tokens t WHERE t.id = p.record_id)
             WHEN 'route' THEN (SELECT r.name FROM routes r WHERE r.id = p.record_id)
             WHEN 'stock_point' THEN (SELECT s.name FROM stock_points s WHERE s.id = p.record_id)
             WHEN 'stock_movement' THEN (SELECT s.name FROM stock_movements m JOIN stock_points s ON s.id = m.stock_point_id WHERE m.id = p.record_id)
           END AS record_label,
           CASE p.entity
             WHEN 'stock_movement' THEN (SELECT m.stock_point_id FROM stock_movements m WHERE m.id = p.record_id)
             WHEN 'session' THEN p.user_id
             ELSE p.record_id
           END AS target_id
         FROM page p
       )
       SELECT n.id::text, n.at, n.user_id, u.name AS user_name, n.action, n.entity, n.entity_id, n.changed_fields, n.record_label,
         CASE n.entity WHEN 'stock_movement' THEN 'stock_point' WHEN 'session' THEN 'user' ELSE n.entity END AS target_kind,
         n.target_id::text AS target_id
       FROM named n LEFT JOIN users u ON u.id = n.user_id
       ORDER BY n.at DESC, n.id DESC`,
      [...params, window.pageSize, window.skip],
    );
    return { rows, total };
  }

  /** Everyone who appears in the organisation's trail, by name: what the trail can be filtered by. */
  people(organisationId: string): Promise<{ id: string; name: string }[]> {
    return this.dataSource.query(
      `SELECT u.id, u.name FROM users u WHERE u.organisation_id = $1 AND EXISTS (SELECT 1 FROM audit_log a WHERE a.organisation_id = $1 AND a.user_id = u.id) ORDER BY u.name, u.id`,
      [organisationId],
    );
  }
}
