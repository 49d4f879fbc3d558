import { Injectable } from '@nestjs/common';
import { can, type ApiTokenResponse, type CreatedApiTokenResponse, type Page } from '@relief-ledger/domain';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { AuditService, changedFieldNames } from '../audit/audit.service.js';
import type { Actor } from '../common/actor.js';
import { hashToken, newSecretToken } from '../auth/secret-token.js';
import { updateReturning } from '../common/database/update-returning.js';
import { ownedBy } from '../common/scope/organisation-scope.js';
import { pageWindow, toPage } from '../common/validation/pagination.js';
import { ApiTokenEntity } from './api-token.entity.js';
import { ApiTokensException } from './api-tokens.exception.js';
import { ApiTokenListQueryDto, CreateApiTokenDto, toApiTokenResponse } from './dto/api-token.dto.js';

@Injectable()
export class ApiTokensService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(actor: Actor, query: ApiTokenListQueryDto): Promise<Page<ApiTokenResponse>> {
    const window = pageWindow(query);
    const [rows, total] = await this.audit.readAudited(actor, { entity: 'api_token', changedFields: changedFieldNames(query) }, () =>
      visibleTo(ownedBy(this.query(this.dataSource.manager), 't', actor), actor).orderBy('t.created_at', 'DESC').skip(window.skip).take(window.pageSize).getManyAndCount(),
    );
    return toPage(rows.map(toApiTokenResponse), total, window);
  }

  /**
   * A personal token acts as the admin who creates it, never as someone else: otherwise an admin
   * could act with another user's role under that user's name. The token is in this answer only.
   */
  async create(actor: Actor, dto: CreateApiTokenDto): Promise<CreatedApiTokenResponse> {
    const userId = actor.userId;
    const token = newSecretToken('rl_');
    return this.dataSource.transaction(async (manager) => {
      const saved = await manager.getRepository(ApiTokenEntity).save(
        manager.getRepository(ApiTokenEntity).create({ organisationId: actor.organisationId, userId, name: dto.name, tokenHash: hashToken(token), createdBy: actor.userId }),
      );
      await this.audit.record(manager, actor, { action: 'create', entity: 'api_token', entityId: saved.id, changedFields: ['name'] });
      return { ...toApiTokenResponse(await this.findOrThrow(manager, actor, saved.id)), token };
    });
  }

  async revoke(actor: Actor, id: string): Promise<ApiTokenResponse> {
    return this.dataSource.transaction(async (manager) => {
      const current = await this.findOrThrow(manager, actor, id);
      const revoked = current.revokedAt ? [] : await updateReturning(manager, `UPDATE api_tokens SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL RETURNING id`, [id]);
      if (revoked.length) await this.audit.record(manager, actor, { action: 'revoke', entity: 'api_token', entityId: id, changedFields: ['revokedAt'] });
      return toApiTokenResponse(await this.findOrThrow(manager, actor, id));
    });
  }

  private query(manager: EntityManager) {
    return manager.getRepository(ApiTokenEntity).createQueryBuilder('t').innerJoinAndSelect('t.user', 'u');
  }

  private async findOrThrow(manager: EntityManager, actor: Actor, id: string): Promise<ApiTokenEntity> {
    const row = await visibleTo(ownedBy(this.query(manager).where('t.id = :id', { id }), 't', actor), actor).getOne();
    if (!row) throw ApiTokensException.notFound(id);
    return row;
  }
}

/**
 * An admin manages every token of the organisation; anyone else with a personal token (a
 * manager pulling reports from a script) sees and revokes only their own.
 */
function visibleTo(qb: SelectQueryBuilder<ApiTokenEntity>, actor: Actor): SelectQueryBuilder<ApiTokenEntity> {
  return can({ role: actor.role, permission: 'tokens.manage' }) ? qb : qb.andWhere('t.user_id = :self', { self: actor.userId });
}
