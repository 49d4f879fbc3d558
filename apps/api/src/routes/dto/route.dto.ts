import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ROUTE_LIMITS, problemText } from '@relief-ledger/domain';
import type { CreateRouteRequest, RouteResponse, RouteStop } from '@relief-ledger/domain';
import { IdField, ListField, TextField } from '../../common/openapi/response-fields.js';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsOptional, ValidateBy } from 'class-validator';
import { Text, Uuid, UuidList, said } from '../../common/validation/decorators.js';

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
  @Uuid({ optional: true, description: 'Made up by the device; a re-send with it answers the first result (or send an Idempotency-Key header)' }) clientId?: string;
  @Text(ROUTE_LIMITS.nameMaxLength) name: string;

  @UuidList(ROUTE_LIMITS.stopsMax, { min: 2, description: 'Locations in travel order, first to last' })
  locationIds: string[];

  @ApiPropertyOptional({ type: 'array', items: { type: 'array', items: { type: 'number' } }, description: 'GeoJSON LineString coordinates [longitude, latitude]' })
  @IsOptional()
  @IsArray(said('field.line'))
  @ArrayMinSize(2, said('field.line_min', { min: 2 }))
  @ArrayMaxSize(ROUTE_LIMITS.linePointsMax, said('field.line_max', { max: ROUTE_LIMITS.linePointsMax }))
  @ValidateBy({ name: 'lineString', validator: { validate: (v: unknown) => Array.isArray(v) && v.every(isPoint), defaultMessage: () => problemText('field.line') } }, said('field.line'))
  line?: [number, number][];
}

export class RouteStopDto implements RouteStop {
  @IdField() locationId: string;
  @TextField({ example: 'SY07030101' }) pcode: string;
  @TextField() nameEn: string;
  @TextField() nameAr: string;
}

export class RouteResponseDto implements RouteResponse {
  @IdField() id: string;
  @TextField({ example: 'Sarmada to Atmeh border' }) name: string;
  @ListField(RouteStopDto, { description: 'First stop to last' }) stops: RouteStopDto[];
  @TextField({ example: 'Asia/Damascus', description: "The zone the route's times are announced in (its first stop's)" }) timeZone: string;
  @ApiProperty({
    type: 'array',
    nullable: true,
    items: { type: 'array', items: { type: 'number' }, minItems: 2, maxItems: 2 },
    description: 'GeoJSON LineString coordinates [longitude, latitude], for a map',
  })
  line: [number, number][] | null;
}
