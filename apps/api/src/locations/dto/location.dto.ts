import { LOCATION_LEVELS } from '@relief-ledger/domain';
import type { LocationLevel, LocationListQuery, LocationResponse } from '@relief-ledger/domain';
import { EnumField, IdField, NumberField, TextField } from '../../common/openapi/response-fields.js';
import { OneOf, Text, Uuid } from '../../common/validation/decorators.js';
import { PageQueryDto } from '../../common/validation/pagination.js';
import { LocationEntity } from '../location.entity.js';

export class LocationListQueryDto extends PageQueryDto implements LocationListQuery {
  @OneOf(LOCATION_LEVELS, { optional: true })
  level?: LocationLevel;

  @Uuid({ optional: true, description: 'Only the direct children of this location' })
  parentId?: string;

  @Text(100, { optional: true, description: 'Part of the English or Arabic name, or the start of the P-code' })
  name?: string;
}

export class LocationResponseDto implements LocationResponse {
  @IdField() id: string;
  @TextField({ example: 'SY07', description: 'OCHA P-code' }) pcode: string;
  @EnumField(LOCATION_LEVELS) level: LocationLevel;
  @IdField({ nullable: true, description: 'null for a governorate' }) parentId: string | null;
  @TextField({ example: 'Idlib' }) nameEn: string;
  @TextField({ example: 'إدلب' }) nameAr: string;
  @NumberField({ nullable: true, minimum: -90, maximum: 90 }) latitude: number | null;
  @NumberField({ nullable: true, minimum: -180, maximum: 180 }) longitude: number | null;
  @TextField({ example: 'Asia/Damascus', description: 'IANA time zone' }) timeZone: string;
}

export function toLocationResponse(entity: LocationEntity): LocationResponse {
  return {
    id: entity.id,
    pcode: entity.pcode,
    level: entity.level,
    parentId: entity.parentId,
    nameEn: entity.nameEn,
    nameAr: entity.nameAr,
    latitude: entity.latitude,
    longitude: entity.longitude,
    timeZone: entity.timeZone,
  };
}
