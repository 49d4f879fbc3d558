import { Injectable } from '@nestjs/common';
import { checkPassword, type Page, type UserResponse, fieldProblem } from '@relief-ledger/domain';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { AuditService, changedFieldNames } from '../audit/audit.service.js';
import type { Actor } from '../common/actor.js';
import { hashPassword } from '../auth/password-hasher.js';
import { ValidationException } from '../common/problem/app-exception.js';
import { ownedBy } from '../common/scope/organisation-scope.js';
import { pageWindow, toPage } from '../common/validation/pagination.js';
import { CreateUserDto, toUserResponse, UpdateUserDto, UserListQueryDto } from './dto/user.dto.js';
import { UserEntity } from './user.entity.js';
import { UsersException } from './users.exception.js';

@Injectable()
export class UsersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** Who works here and with which role: a read that is audited. */
  async list(actor: Actor, query: UserListQueryDto): Promise<Page<UserResponse>> {
    const window = pageWindow(query);
    const [rows, total] = await this.audit.readAudited(actor, { entity: 'user', changedFields: changedFieldNames(query) }, () =>
      this.dataSource
        .getRepository(UserEntity)
        .findAndCount({ where: { organisationId: actor.organisationId }, order: { name: 'ASC', id: 'ASC' }, skip: window.skip, take: window.pageSize }),
    );
    return toPage(rows.map(toUserResponse), total, window);
  }

  async create(actor: Actor, dto: CreateUserDto): Promise<UserResponse> {
    const email = dto.email.toLowerCase();
    const problems = checkPassword({ password: dto.password, email });
    if (problems.length) throw new ValidationException(problems);
    const passwordHash = await hashPassword(dto.password);
    try {
      return await this.dataSource.transaction(async (manager) => {
        const user = await manager.getRepository(UserEntity).save(
          manager.getRepository(UserEntity).create({ organisationId: actor.organisationId, name: dto.name, email, role: dto.role, passwordHash }),
        );
        await this.audit.record(manager, actor, { action: 'create', entity: 'user', entityId: user.id, changedFields: changedFieldNames(dto) });
        return toUserResponse(await this.findInOrganisationOrThrow(manager, actor, user.id));
      });
    } catch (error) {
      if (error instanceof QueryFailedError && (error.driverError as { constraint?: string }).constraint === 'uq_users_email') throw UsersException.emailTaken(email);
      throw error;
    }
  }

  /** Disabling a user ends all their sessions in the same transaction. */
  async update(actor: Actor, id: string, version: number, dto: UpdateUserDto): Promise<UserResponse> {
    const { version: _bodyVersion, ...changes } = dto;
    if (Object.keys(changes).length === 0) throw new ValidationException([fieldProblem('body', 'field.change_something')]);
    return this.dataSource.transaction(async (manager) => {
      const current = await this.findInOrganisationOrThrow(manager, actor, id, true);
      if (current.version !== version) throw UsersException.staleVersion(version, current.version);
      if (current.id === actor.userId && changes.role !== undefined && changes.role !== current.role) throw UsersException.notOnSelf('role');
      if (current.id === actor.userId && changes.active === false) throw UsersException.notOnSelf('active');
      await manager.getRepository(UserEntity).update({ id }, { ...changes, version: version + 1, updatedAt: new Date() });
      if (changes.active === false) {
        // Ended for good: enabling the user again must not bring old sessions or tokens back.
        await manager.query(`UPDATE sessions SET ended_at = now() WHERE user_id = $1 AND ended_at IS NULL`, [id]);
        await manager.query(`UPDATE api_tokens SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL`, [id]);
      }
      await this.audit.record(manager, actor, { action: 'update', entity: 'user', entityId: id, changedFields: changedFieldNames(changes) });
      return toUserResponse(await this.findInOrganisationOrThrow(manager, actor, id));
    });
  }

  private async findInOrganisationOrThrow(manager: EntityManager, actor: Actor, id: string, lock = false): Promise<UserEntity> {
    const qb = ownedBy(manager.getRepository(UserEntity).createQueryBuilder('u').where('u.id = :id', { id }), 'u', actor);
    if (lock) qb.setLock('pessimistic_write');
    const user = await qb.getOne();
    if (!user) throw UsersException.notFound(id);
    return user;
  }
}
