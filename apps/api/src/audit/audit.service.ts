import { Injectable } from '@nestjs/common';
import { AUDIT_READ_ACTIONS, type AuditEntryResponse, type Page } from '@relief-ledger/domain';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../common/actor.js';
import { pageWindow, toPage } from '../common/validation/pagination.js';
import type { AuditListQueryDto } from './dto/audit.dto.js';

export interface AuditEntry {
  action: string;
  entity: string;
  entityId?: string | null;
  /** Names of the fields written; never their values. */
  changedFields?: string[];
}

/** Field names to record: those the request sent, without secrets. */
export function changedFieldNames(body: object): string[] {
  return Object.keys(body)
    .filter((key) => !['password', 'passwordHash', 'token', 'tokenHash', 'version'].includes(key))
    .sort();
}

@Injectable()
export class AuditService {
  constructor(private readonly dataSource: DataSource) {}

  /** Must be given the write's own transaction: the write and its audit row commit together or not at all. */
  async record(manager: EntityManager, actor: Pick<Actor, 'userId' | 'organisationId'> | null, entry: AuditEntry): Promise<void> {
    if (!manager.queryRunner?.isTransactionActive) throw new Error('audit rows are written inside the transaction of the write');
    await manager.query(
      `INSERT INTO audit_log (organisation_id, user_id, action, entity, entity_id, changed_fields) VALUES ($1, $2, $3, $4, $5, $6)`,
      [actor?.organisationId ?? null, actor?.userId ?? null, entry.action, entry.entity, entry.entityId ?? null, entry.changedFields ?? []],
    );
  }

  /**
   * Runs `read` and writes its audit row at the same time (one round trip more, but not one
   * more wait): who read which sensitive record, or which list with which filters (their names,
   * never their values). A read that fails (a record not found) stays recorded as an attempt.
   */
  async readAudited<T>(actor: Actor, entry: Omit<AuditEntry, 'action'> & { action?: 'read' | 'export' }, read: () => Promise<T>): Promise<T> {
    const [result] = await Promise.all([read(), this.recordRead(actor, entry)]);
    return result;
  }

  /** A read of sensitive records, or a download: on its own, since a read has no transaction to join. */
  async recordRead(actor: Actor, entry: Omit<AuditEntry, 'action'> & { action?: 'read' | 'export' }): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO audit_log (organisation_id, user_id, action, entity, entity_id, changed_fields) VALUES ($1, $2, $3, $4, $5, $6)`,
      [actor.organisationId, actor.userId, entry.action ?? 'read', entry.entity, entry.entityId ?? null, entry.changedFields ?? []],
    );
  }

  async list(actor: Actor, query: AuditListQueryDto): Promise<Page<AuditEntryResponse>> {
    return this.readAudited(actor, { entity: 'audit_log', changedFields: changedFieldNames(query) }, () => this.page(actor, query));
  }

  private async page(actor: Actor, query: AuditListQueryDto): Promise<Page<AuditEntryResponse>> {
    const window = pageWindow(query);
    const params: unknown[] = [actor.organisationId];
    let where = 'a.organisation_id = $1';
    if (query.entity) where += ` AND a.entity = $${params.push(query.entity)}`;
    if (query.entityId) where += ` AND a.entity_id = $${params.push(query.entityId)}`;
    if (query.kind) where += ` AND ${query.kind === 'read' ? '' : 'NOT '}a.action = ANY($${params.push(AUDIT_READ_ACTIONS)})`;
    const [{ total }] = await this.dataSource.query(`SELECT count(*)::int AS total FROM audit_log a WHERE ${where}`, params);
    const rows: Array<{ id: string; at: Date; user_id: string | null; user_name: string | null; action: string; entity: string; entity_id: string | null; changed_fields: string[] }> =
      await this.dataSource.query(
        `SELECT a.id::text, a.at, a.user_id, u.name AS user_name, a.action, a.entity, a.entity_id, a.changed_fields
         FROM audit_log a LEFT JOIN users u ON u.id = a.user_id
         WHERE ${where} ORDER BY a.at DESC, a.id DESC LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
        [...params, window.pageSize, window.skip],
      );
    const items = rows.map((r) => ({
      id: r.id,
      at: r.at.toISOString(),
      userId: r.user_id,
      userName: r.user_name,
      action: r.action,
      entity: r.entity,
      entityId: r.entity_id,
      changedFields: r.changed_fields,
    }));
    return toPage(items, total, window);
  }
}
