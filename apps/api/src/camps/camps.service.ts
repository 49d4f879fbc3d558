import { Injectable } from '@nestjs/common';
import { CampResponse, FieldError, Page, SPHERE, canCampMove, checkCampFigures, daysFed, isValidTimeZone, shelterCoverage, fieldProblem } from '@relief-ledger/domain';
import type { CampCoverageResponse } from '@relief-ledger/domain';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { Replays, type Replayed } from '../common/replay/replays.js';
import { AuditService, changedFieldNames } from '../audit/audit.service.js';
import type { Actor } from '../common/actor.js';
import { ValidationException } from '../common/problem/app-exception.js';
import { ownedBy } from '../common/scope/organisation-scope.js';
import { likePattern, pageWindow, toPage } from '../common/validation/pagination.js';
import { LocationsService } from '../locations/locations.service.js';
import { CampEntity } from './camp.entity.js';
import { CampsException } from './camps.exception.js';
import { CampListQueryDto, CloseCampDto, CreateCampDto, UpdateCampDto, toCampResponse } from './dto/camp.dto.js';

/** Camps of the actor's organisation. Every write commits together with its audit row. */
@Injectable()
export class CampsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly locations: LocationsService,
    private readonly audit: AuditService,
    private readonly replays: Replays,
  ) {}

  async list(actor: Actor, query: CampListQueryDto): Promise<Page<CampResponse>> {
    const window = pageWindow(query);
    const qb = this.ownedCamps(this.dataSource.manager, actor)
      .orderBy('c.name_en', 'ASC')
      .addOrderBy('c.id', 'ASC')
      .skip(window.skip)
      .take(window.pageSize);
    if (query.locationId) qb.andWhere('c.location_id = :locationId', { locationId: query.locationId });
    if (query.status) qb.andWhere('c.status = :status', { status: query.status });
    if (query.name) qb.andWhere('(c.name_en ILIKE :pattern OR c.name_ar ILIKE :pattern)', { pattern: likePattern(query.name) });
    const [rows, total] = await qb.getManyAndCount();
    return toPage(rows.map(toCampResponse), total, window);
  }

  async findCampOrThrow(actor: Actor, id: string): Promise<CampResponse> {
    return toCampResponse(await this.findEntityOrThrow(this.dataSource.manager, actor, id));
  }

  /**
   * Shelter and food coverage from the ledger: what sits in the camp's stores plus what was
   * handed out at the camp, per item kind, against households and population.
   */
  async coverage(actor: Actor, id: string): Promise<CampCoverageResponse> {
    const camp = await this.findEntityOrThrow(this.dataSource.manager, actor, id);
    const [row] = await this.dataSource.query(
      `WITH stored AS (
         SELECT s.item_id, sum(s.quantity) AS quantity FROM stock_levels s JOIN stock_points p ON p.id = s.stock_point_id
         WHERE p.camp_id = $1 GROUP BY s.item_id),
       handed AS (
         SELECT d.item_id, sum(d.quantity) AS quantity FROM distributions d WHERE d.camp_id = $1 GROUP BY d.item_id),
       on_site AS (
         SELECT i.kind, i.persons_per_unit, i.days_per_unit, coalesce(st.quantity, 0) + coalesce(h.quantity, 0) AS quantity
         FROM items i LEFT JOIN stored st ON st.item_id = i.id LEFT JOIN handed h ON h.item_id = i.id)
       SELECT
         coalesce(sum(quantity) FILTER (WHERE kind = 'shelter'), 0)::bigint AS tents,
         coalesce(sum(quantity) FILTER (WHERE kind = 'food' AND days_per_unit IS NOT NULL), 0)::bigint AS food_packages,
         coalesce(sum(quantity * persons_per_unit * days_per_unit) FILTER (WHERE kind = 'food' AND days_per_unit IS NOT NULL), 0)::bigint AS person_days
       FROM on_site`,
      [camp.id],
    );
    const packages = Number(row.food_packages);
    const personDays = Number(row.person_days);
    return {
      campId: camp.id,
      households: camp.households,
      population: camp.population,
      shelter: shelterCoverage({ households: camp.households, tentsOnSite: Number(row.tents) }),
      food: { population: camp.population, packages, personDays, days: daysFed({ population: camp.population, personDays }) },
      sphere: SPHERE,
    };
  }

  async create(actor: Actor, dto: CreateCampDto, idempotencyKey?: string): Promise<Replayed<CampResponse>> {
    await this.checkLocation(dto.locationId);
    this.checkFigures(dto);
    const request = { operation: 'camp.create', clientId: dto.clientId, header: idempotencyKey, content: dto };
    return this.writing(dto.nameEn, (manager) => this.replays.once(manager, actor.organisationId, request, async () => {
      const repository = manager.getRepository(CampEntity);
      const saved = await repository.save(
        repository.create({
          organisationId: actor.organisationId,
          locationId: dto.locationId,
          nameEn: dto.nameEn,
          nameAr: dto.nameAr,
          status: dto.status ?? 'open',
          population: dto.population,
          households: dto.households,
          capacity: dto.capacity,
          openedOn: dto.openedOn ?? null,
        }),
      );
      await this.audit.record(manager, actor, { action: 'create', entity: 'camp', entityId: saved.id, changedFields: changedFieldNames(dto) });
      return { recordId: saved.id, answer: toCampResponse(await this.findEntityOrThrow(manager, actor, saved.id)) };
    }));
  }

  /**
   * Optimistic concurrency: the change applies only if the row is still at the version the
   * client read, checked in the UPDATE itself so two editors cannot both win.
   */
  async update(actor: Actor, id: string, version: number, dto: UpdateCampDto): Promise<CampResponse> {
    const { version: _bodyVersion, ...changes } = dto;
    if (Object.keys(changes).length === 0) throw CampsException.nothingToChange();
    const current = await this.findEntityOrThrow(this.dataSource.manager, actor, id);
    if (current.version !== version) throw CampsException.staleVersion(version, current.version);
    if (current.status === 'closed') throw CampsException.closed();
    if (changes.status && !canCampMove({ from: current.status, to: changes.status })) {
      throw CampsException.illegalMove(current.status, changes.status);
    }
    if (changes.locationId) await this.checkLocation(changes.locationId);
    this.checkFigures({ ...current, ...changes });
    return this.writing(changes.nameEn, async (manager) => {
      await this.updateAtVersion(manager, actor, id, version, changes);
      await this.audit.record(manager, actor, { action: 'update', entity: 'camp', entityId: id, changedFields: changedFieldNames(changes) });
      return toCampResponse(await this.findEntityOrThrow(manager, actor, id));
    });
  }

  async close(actor: Actor, id: string, dto: CloseCampDto): Promise<CampResponse> {
    const current = await this.findEntityOrThrow(this.dataSource.manager, actor, id);
    if (current.version !== dto.version) throw CampsException.staleVersion(dto.version, current.version);
    if (!canCampMove({ from: current.status, to: 'closed' }) || current.status === 'closed') {
      throw CampsException.illegalMove(current.status, 'closed');
    }
    const today = todayIn(current.location?.timeZone ?? 'UTC');
    const closedOn = dto.closedOn ?? today;
    if (closedOn > today) throw CampsException.closedInFuture(closedOn, today);
    if (current.openedOn && closedOn < current.openedOn) throw CampsException.closedBeforeOpened(closedOn, current.openedOn);
    return this.writing(undefined, async (manager) => {
      await this.updateAtVersion(manager, actor, id, dto.version, { status: 'closed', closedOn });
      await this.audit.record(manager, actor, { action: 'close', entity: 'camp', entityId: id, changedFields: ['closedOn', 'status'] });
      return toCampResponse(await this.findEntityOrThrow(manager, actor, id));
    });
  }

  /**
   * The location of each of `ids` that is a camp of the actor's organisation; another
   * organisation's camp, or no camp, is simply absent. In the caller's transaction.
   */
  async campLocations(manager: EntityManager, actor: Pick<Actor, 'organisationId'>, ids: string[]): Promise<Map<string, string>> {
    const qb = manager.getRepository(CampEntity).createQueryBuilder('c').select(['c.id', 'c.locationId']);
    const camps = await ownedBy(qb, 'c', actor).andWhere('c.id = ANY(:ids)', { ids }).getMany();
    return new Map(camps.map((c) => [c.id, c.locationId]));
  }

  private async updateAtVersion(manager: EntityManager, actor: Actor, id: string, version: number, changes: Partial<CampEntity>): Promise<void> {
    const update = manager
      .createQueryBuilder()
      .update(CampEntity)
      .set({ ...changes, version: () => 'version + 1', updatedAt: () => 'now()' })
      .where('id = :id AND version = :version', { id, version });
    const result = await ownedBy(update, null, actor).execute();
    if (result.affected === 0) {
      const now = await this.findEntityOrThrow(manager, actor, id);
      throw CampsException.staleVersion(version, now.version);
    }
  }

  private ownedCamps(manager: EntityManager, actor: Actor) {
    const qb = manager.getRepository(CampEntity).createQueryBuilder('c').innerJoinAndSelect('c.organisation', 'o').innerJoinAndSelect('c.location', 'l');
    return ownedBy(qb, 'c', actor);
  }

  private async findEntityOrThrow(manager: EntityManager, actor: Actor, id: string): Promise<CampEntity> {
    const row = await this.ownedCamps(manager, actor).andWhere('c.id = :id', { id }).getOne();
    if (!row) throw CampsException.notFound(id);
    return row;
  }

  /** An unknown location in the body is the caller's mistake (422 on the field), not a missing route (404). */
  private async checkLocation(locationId: string): Promise<void> {
    if (!(await this.locations.exists(locationId))) {
      const errors: FieldError[] = [fieldProblem('locationId', 'field.no_such', { what: 'location' })];
      throw new ValidationException(errors, 422);
    }
  }

  private checkFigures(figures: { population: number; households: number; capacity: number }): void {
    const errors = checkCampFigures(figures);
    if (errors.length) throw new ValidationException(errors);
  }

  /** Runs a write in one transaction; a duplicate camp name becomes a 409 on the field. */
  private async writing<T>(nameEn: string | undefined, write: (manager: EntityManager) => Promise<T>): Promise<T> {
    try {
      return await this.dataSource.transaction(write);
    } catch (error) {
      const constraint = error instanceof QueryFailedError ? (error.driverError as { constraint?: string }).constraint : undefined;
      if (constraint === 'uq_camps_organisation_name' && nameEn) throw CampsException.duplicateName(nameEn);
      throw error;
    }
  }
}

/**
 * The calendar day it is now at the site, `YYYY-MM-DD`. A zone the runtime does not know (bad
 * imported data) falls back to UTC rather than failing the request; the day differs by at most one.
 */
function todayIn(timeZone: string): string {
  const zone = isValidTimeZone(timeZone) ? timeZone : 'UTC';
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}
