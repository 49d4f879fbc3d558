import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { LocationResponse, Page } from '@relief-ledger/domain';
import { EntityManager, Repository } from 'typeorm';
import { likePattern, pageWindow, toPage } from '../common/validation/pagination.js';
import { LocationListQueryDto, toLocationResponse } from './dto/location.dto.js';
import { LocationEntity } from './location.entity.js';
import { LocationsException } from './locations.exception.js';

@Injectable()
export class LocationsService {
  constructor(@InjectRepository(LocationEntity) private readonly locations: Repository<LocationEntity>) {}

  async list(query: LocationListQueryDto): Promise<Page<LocationResponse>> {
    const window = pageWindow(query);
    const qb = this.locations.createQueryBuilder('l').orderBy('l.pcode', 'ASC').skip(window.skip).take(window.pageSize);
    if (query.level) qb.andWhere('l.level = :level', { level: query.level });
    if (query.parentId) qb.andWhere('l.parent_id = :parentId', { parentId: query.parentId });
    if (query.name) {
      qb.andWhere('(l.name_en ILIKE :pattern OR l.name_ar ILIKE :pattern OR l.pcode ILIKE :prefix)', {
        pattern: likePattern(query.name),
        prefix: likePattern(query.name).slice(1),
      });
    }
    const [rows, total] = await qb.getManyAndCount();
    return toPage(rows.map(toLocationResponse), total, window);
  }

  async findLocationOrThrow(id: string): Promise<LocationResponse> {
    const row = await this.locations.findOneBy({ id });
    if (!row) throw LocationsException.notFound(id);
    return toLocationResponse(row);
  }

  /** Whether a location with this id exists; in the caller's transaction when given its manager. */
  async exists(id: string, manager?: EntityManager): Promise<boolean> {
    return (manager?.getRepository(LocationEntity) ?? this.locations).exists({ where: { id } });
  }
}
