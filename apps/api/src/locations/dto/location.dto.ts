import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LOCATION_LEVELS } from '@relief-ledger/domain';
import type { LocationLevel, LocationListQuery, LocationResponse } from '@relief-ledger/domain';
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
  @ApiProperty() id: string;
  @ApiProperty({ example: 'SY07' }) pcode: string;
  @ApiProperty({ enum: LOCATION_LEVELS }) level: LocationLevel;
  @ApiPropertyOptional({ nullable: true, type: String }) parentId: string | null;
  @ApiProperty() nameEn: string;
  @ApiProperty() nameAr: string;
  @ApiPropertyOptional({ nullable: true, type: Number }) latitude: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) longitude: number | null;
  @ApiProperty({ example: 'Asia/Damascus' }) timeZone: string;
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
