import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { CampResponse, FieldError, Page, canCampMove, checkCampFigures, isValidTimeZone } from '@relief-ledger/domain';
import { QueryFailedError, Repository } from 'typeorm';
import { ValidationException } from '../common/problem/app-exception.js';
import { likePattern, pageWindow, toPage } from '../common/validation/pagination.js';
import { LocationsService } from '../locations/locations.service.js';
import { OrganisationsService } from '../organisations/organisations.service.js';
import { CampEntity } from './camp.entity.js';
import { CampsException } from './camps.exception.js';
import { CampListQueryDto, CloseCampDto, CreateCampDto, UpdateCampDto, toCampResponse } from './dto/camp.dto.js';

@Injectable()
export class CampsService {
  constructor(
    @InjectRepository(CampEntity) private readonly camps: Repository<CampEntity>,
    private readonly locations: LocationsService,
    private readonly organisations: OrganisationsService,
  ) {}

  async list(query: CampListQueryDto): Promise<Page<CampResponse>> {
    const window = pageWindow(query);
    const qb = this.withRelations()
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

  async findCampOrThrow(id: string): Promise<CampResponse> {
    return toCampResponse(await this.findEntityOrThrow(id));
  }

  async create(dto: CreateCampDto): Promise<CampResponse> {
    await this.checkReferences({ organisationId: dto.organisationId, locationId: dto.locationId });
    this.checkFigures(dto);
    const saved = await this.saveOrExplain(
      () =>
        this.camps.save(
          this.camps.create({
            organisationId: dto.organisationId,
            locationId: dto.locationId,
            nameEn: dto.nameEn,
            nameAr: dto.nameAr,
            status: dto.status ?? 'open',
            population: dto.population,
            households: dto.households,
            capacity: dto.capacity,
            openedOn: dto.openedOn ?? null,
          }),
        ),
      dto.nameEn,
    );
    return this.findCampOrThrow(saved.id);
  }

  /**
   * Optimistic concurrency: the change applies only if the row is still at the version the
   * client read, checked in the UPDATE itself so two editors cannot both win.
   */
  async update(id: string, version: number, dto: UpdateCampDto): Promise<CampResponse> {
    const { version: _bodyVersion, ...changes } = dto;
    if (Object.keys(changes).length === 0) throw CampsException.nothingToChange();
    const current = await this.findEntityOrThrow(id);
    if (current.version !== version) throw CampsException.staleVersion(version, current.version);
    if (current.status === 'closed') throw CampsException.closed();
    if (changes.status && !canCampMove({ from: current.status, to: changes.status })) {
      throw CampsException.illegalMove(current.status, changes.status);
    }
    if (changes.locationId) await this.checkReferences({ locationId: changes.locationId });
    this.checkFigures({ ...current, ...changes });
    await this.updateAtVersion(id, version, changes, changes.nameEn);
    return this.findCampOrThrow(id);
  }

  async close(id: string, dto: CloseCampDto): Promise<CampResponse> {
    const current = await this.findEntityOrThrow(id);
    if (current.version !== dto.version) throw CampsException.staleVersion(dto.version, current.version);
    if (!canCampMove({ from: current.status, to: 'closed' }) || current.status === 'closed') {
      throw CampsException.illegalMove(current.status, 'closed');
    }
    const today = todayIn(current.location?.timeZone ?? 'UTC');
    const closedOn = dto.closedOn ?? today;
    if (closedOn > today) throw CampsException.closedInFuture(closedOn, today);
    if (current.openedOn && closedOn < current.openedOn) throw CampsException.closedBeforeOpened(closedOn, current.openedOn);
    await this.updateAtVersion(id, dto.version, { status: 'closed', closedOn });
    return this.findCampOrThrow(id);
  }

  private async updateAtVersion(id: string, version: number, changes: Partial<CampEntity>, nameEn?: string): Promise<void> {
    const result = await this.saveOrExplain(
      () =>
        this.camps
          .createQueryBuilder()
          .update(CampEntity)
          .set({ ...changes, version: () => 'version + 1', updatedAt: () => 'now()' })
          .where('id = :id AND version = :version', { id, version })
          .execute(),
      nameEn,
    );
    if (result.affected === 0) {
      const now = await this.findEntityOrThrow(id);
      throw CampsException.staleVersion(version, now.version);
    }
  }

  private withRelations() {
    return this.camps.createQueryBuilder('c').innerJoinAndSelect('c.organisation', 'o').innerJoinAndSelect('c.location', 'l');
  }

  private async findEntityOrThrow(id: string): Promise<CampEntity> {
    const row = await this.withRelations().where('c.id = :id', { id }).getOne();
    if (!row) throw CampsException.notFound(id);
    return row;
  }

  /** Unknown ids in the body are the caller's mistake (422 on the field), not a missing route (404). */
  private async checkReferences(refs: { organisationId?: string; locationId?: string }): Promise<void> {
    const errors: FieldError[] = [];
    if (refs.organisationId && !(await this.organisations.exists(refs.organisationId))) {
      errors.push({ field: 'organisationId', reason: 'no organisation with this id' });
    }
    if (refs.locationId && !(await this.locations.exists(refs.locationId))) {
      errors.push({ field: 'locationId', reason: 'no location with this id' });
    }
    if (errors.length) throw new ValidationException(errors, 422);
  }

  private checkFigures(figures: { population: number; households: number; capacity: number }): void {
    const errors = checkCampFigures(figures);
    if (errors.length) throw new ValidationException(errors);
  }

  private async saveOrExplain<T>(write: () => Promise<T>, nameEn?: string): Promise<T> {
    try {
      return await write();
    } catch (error) {
      const code = error instanceof QueryFailedError ? (error.driverError as { constraint?: string }).constraint : undefined;
      if (code === 'uq_camps_organisation_name' && nameEn) throw CampsException.duplicateName(nameEn);
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
