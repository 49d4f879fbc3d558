import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CAMP_LIMITS, CAMP_STATUSES } from '@relief-ledger/domain';
import type { CampListQuery, CampResponse, CampStatus, CloseCampRequest, CreateCampRequest, UpdateCampRequest } from '@relief-ledger/domain';
import { CalendarDate, Count, OneOf, Text, Uuid } from '../../common/validation/decorators.js';
import { PageQueryDto } from '../../common/validation/pagination.js';
import { CampEntity } from '../camp.entity.js';

type EditableStatus = Exclude<CampStatus, 'closed'>;
const EDITABLE_STATUSES: readonly EditableStatus[] = ['planned', 'open', 'full'];
const { nameMaxLength, peopleMax } = CAMP_LIMITS;

export class CreateCampDto implements CreateCampRequest {
  @Uuid({ optional: true, description: 'Made up by the device; a re-send with it answers the first result (or send an Idempotency-Key header)' }) clientId?: string;
  @Uuid({ description: 'Location (usually a community)' }) locationId: string;
  @Text(nameMaxLength) nameEn: string;
  @Text(nameMaxLength) nameAr: string;
  @OneOf(EDITABLE_STATUSES, { optional: true, description: 'Defaults to open' }) status?: EditableStatus;
  @Count(peopleMax, { description: 'People living on site' }) population: number;
  @Count(peopleMax) households: number;
  @Count(peopleMax, { description: 'People the site is planned for' }) capacity: number;
  @CalendarDate({ optional: true, nullable: true, kind: 'past' }) openedOn?: string | null;
}

export class UpdateCampDto implements UpdateCampRequest {
  @Count(2_147_483_647, { optional: true, description: 'The version you last read (or send If-Match); a stale one is refused with 409' })
  version?: number;
  @Uuid({ optional: true }) locationId?: string;
  @Text(nameMaxLength, { optional: true }) nameEn?: string;
  @Text(nameMaxLength, { optional: true }) nameAr?: string;
  @OneOf(EDITABLE_STATUSES, { optional: true, description: 'Close a camp with POST …/close' }) status?: EditableStatus;
  @Count(peopleMax, { optional: true }) population?: number;
  @Count(peopleMax, { optional: true }) households?: number;
  @Count(peopleMax, { optional: true }) capacity?: number;
  @CalendarDate({ optional: true, nullable: true, kind: 'past' }) openedOn?: string | null;
}

export class CloseCampDto implements CloseCampRequest {
  @Count(2_147_483_647, { description: 'The version you last read' }) version: number;
  @CalendarDate({ optional: true, kind: 'past', description: "Defaults to today in the camp's time zone" }) closedOn?: string;
}

export class CampListQueryDto extends PageQueryDto implements CampListQuery {
  @Uuid({ optional: true }) locationId?: string;
  @OneOf(CAMP_STATUSES, { optional: true }) status?: CampStatus;
  @Text(nameMaxLength, { optional: true, description: 'Part of the English or Arabic name' }) name?: string;
}

export class CampResponseDto implements CampResponse {
  @ApiProperty() id: string;
  @ApiProperty() organisationId: string;
  @ApiProperty() organisationName: string;
  @ApiProperty() locationId: string;
  @ApiProperty() locationName: string;
  @ApiProperty() locationPcode: string;
  @ApiProperty() nameEn: string;
  @ApiProperty() nameAr: string;
  @ApiProperty({ enum: CAMP_STATUSES }) status: CampStatus;
  @ApiProperty() population: number;
  @ApiProperty() households: number;
  @ApiProperty() capacity: number;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date' }) openedOn: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date' }) closedOn: string | null;
  @ApiProperty() version: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

/** Expects `organisation` and `location` to be loaded. */
export function toCampResponse(entity: CampEntity): CampResponse {
  return {
    id: entity.id,
    organisationId: entity.organisationId,
    organisationName: entity.organisation?.name ?? '',
    locationId: entity.locationId,
    locationName: entity.location?.nameEn ?? '',
    locationPcode: entity.location?.pcode ?? '',
    nameEn: entity.nameEn,
    nameAr: entity.nameAr,
    status: entity.status,
    population: entity.population,
    households: entity.households,
    capacity: entity.capacity,
    openedOn: entity.openedOn,
    closedOn: entity.closedOn,
    version: entity.version,
    createdAt: entity.createdAt.toISOString(),
    updatedAt: entity.updatedAt.toISOString(),
  };
}
