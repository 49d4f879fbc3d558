import { ApiPropertyOptional } from '@nestjs/swagger';
import { ROUTE_LIMITS } from '@relief-ledger/domain';
import type { CreateRouteRequest } from '@relief-ledger/domain';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsOptional, ValidateBy } from 'class-validator';
import { Text, UuidList } from '../../common/validation/decorators.js';

function isPoint(value: unknown): boolean {
  return (
    Array.isArray(value) &&
    value.length === 2 &&
    value.every((n) => typeof n === 'number' && Number.isFinite(n)) &&
    Math.abs(value[0] as number) <= 180 &&
    Math.abs(value[1] as number) <= 90
  );
}

export class CreateRouteDto implements CreateRouteRequest {
  @Text(ROUTE_LIMITS.nameMaxLength) name: string;

  @UuidList(ROUTE_LIMITS.stopsMax, { min: 2, description: 'Locations in travel order, first to last' })
  locationIds: string[];

  @ApiPropertyOptional({ type: 'array', items: { type: 'array', items: { type: 'number' } }, description: 'GeoJSON LineString coordinates [longitude, latitude]' })
  @IsOptional()
  @IsArray({ message: 'must be a list of [longitude, latitude] points' })
  @ArrayMinSize(2, { message: 'must have at least 2 points' })
  @ArrayMaxSize(ROUTE_LIMITS.linePointsMax, { message: `must have at most ${ROUTE_LIMITS.linePointsMax} points` })
  @ValidateBy({ name: 'lineString', validator: { validate: (v: unknown) => Array.isArray(v) && v.every(isPoint), defaultMessage: () => 'must be [longitude, latitude] pairs within range' } })
  line?: [number, number][];
}

