import { Injectable } from '@nestjs/common';
import { AUDIT_READ_ACTIONS, AUDIT_TARGET_KINDS, type AuditEntryResponse, type AuditPersonResponse, type AuditTargetKind, fieldProblem, type Page } from '@relief-ledger/domain';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../common/actor.js';
import { ValidationException } from '../common/problem/app-exception.js';
import { pageWindow, toPage } from '../common/validation/pagination.js';
import { type AuditRow, AuditRepository } from './audit.repository.js';
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
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: AuditRepository,
  ) {}

  /** Must be given the write's own transaction: the write and its audit row commit together or not at all. */
  async record(manager: EntityManager, actor: Pick<Actor, 'userId' | 'organisationId'> | null, entry: AuditEntry): Promise<void> {
    if (!manager.queryRunner?.isTransactionActive) throw new Error('audit rows are written inside the transaction of the write');
    await this.repository.insert(manager, { organisationId: actor?.organisationId ?? null, userId: actor?.userId ?? null, ...entry });
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
    await this.repository.insert(this.dataSource.manager, { organisationId: actor.organisationId, userId: actor.userId, ...entry, action: entry.action ?? 'read' });
  }

  async list(actor: Actor, query: AuditListQueryDto): Promise<Page<AuditEntryResponse>> {
    return this.readAudited(actor, { entity: 'audit_log', changedFields: changedFieldNames(query) }, () => this.page(actor, query));
  }

  /** Everyone who appears in the trail, for the filter by person. Not a sensitive read in itself: names the admin already sees. */
  people(actor: Actor): Promise<AuditPersonResponse[]> {
    return this.repository.people(actor.organisationId);
  }

  private async page(actor: Actor, query: AuditListQueryDto): Promise<Page<AuditEntryResponse>> {
    if (query.from && query.to && query.from >= query.to) throw new ValidationException([fieldProblem('from', 'field.not_after_to', { to: query.to })]);
    const window = pageWindow(query);
    const { rows, total } = await this.repository.page(
      actor.organisationId,
      {
        entity: query.entity,
        entityId: query.entityId,
        userId: query.userId,
        action: query.action,
        from: query.from,
        to: query.to,
        ...(query.kind ? { reads: { only: query.kind === 'read', actions: AUDIT_READ_ACTIONS } } : {}),
      },
      window,
    );
    return toPage(rows.map(toAuditEntryResponse), total, window);
  }
}

function toAuditEntryResponse(r: AuditRow): AuditEntryResponse {
  const kind = (AUDIT_TARGET_KINDS as readonly string[]).includes(r.target_kind ?? '') ? (r.target_kind as AuditTargetKind) : null;
  return {
    id: r.id,
    at: r.at.toISOString(),
    userId: r.user_id,
    userName: r.user_name,
    action: r.action,
    entity: r.entity,
    entityId: r.entity_id,
    changedFields: r.changed_fields,
    recordLabel: r.record_label,
    target: kind && r.target_id ? { kind, id: r.target_id } : null,
  };
}
