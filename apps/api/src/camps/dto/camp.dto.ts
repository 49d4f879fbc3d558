import { CAMP_LIMITS, CAMP_STATUSES, SPHERE } from '@relief-ledger/domain';
import type {
  CampCoverageResponse,
  CampListQuery,
  CampResponse,
  CampStatus,
  CloseCampRequest,
  CreateCampRequest,
  FoodCoverage,
  ShelterCoverage,
  UpdateCampRequest,
} from '@relief-ledger/domain';
import { DayField, EnumField, IdField, InstantField, IntField, NumberField, ObjectField, TextField } from '../../common/openapi/response-fields.js';
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
  @IdField() id: string;
  @IdField({ description: 'The managing organisation: always your own' }) organisationId: string;
  @TextField() organisationName: string;
  @IdField() locationId: string;
  @TextField() locationName: string;
  @TextField({ example: 'SY07030101' }) locationPcode: string;
  @TextField({ example: 'Atmeh border camp (new)' }) nameEn: string;
  @TextField() nameAr: string;
  @EnumField(CAMP_STATUSES) status: CampStatus;
  @IntField({ minimum: 0, description: 'People living on site' }) population: number;
  @IntField({ minimum: 0 }) households: number;
  @IntField({ minimum: 0, description: 'People the site is planned for' }) capacity: number;
  @DayField({ nullable: true, description: "In the site's own zone" }) openedOn: string | null;
  @DayField({ nullable: true }) closedOn: string | null;
  @IntField({ description: 'Increases on every change; send it back (body version or If-Match) to change the camp. Also the ETag' }) version: number;
  @InstantField() createdAt: string;
  @InstantField() updatedAt: string;
}

export class ShelterCoverageDto implements ShelterCoverage {
  @IntField({ minimum: 0 }) households: number;
  @IntField({ minimum: 0, description: "Family tents in the camp's stores plus those handed out at the camp" }) tentsOnSite: number;
  @IntField({ minimum: 0, description: 'Households still without a tent' }) tentsNeeded: number;
  @NumberField({ minimum: 0, maximum: 1, description: 'Share of households with a tent (1 when there are no households)' }) coveredShare: number;
}

export class FoodCoverageDto implements FoodCoverage {
  @IntField({ minimum: 0 }) population: number;
  @IntField({ minimum: 0, description: 'Food parcels handed out at the camp plus those in its stores' }) packages: number;
  @IntField({ minimum: 0, description: 'Packages × persons per package × days per package' }) personDays: number;
  @IntField({ minimum: 0, description: 'Whole days the whole population is fed' }) days: number;
}

/** The Sphere Handbook (2018) references coverage is measured against. */
export class SphereDto implements Record<keyof typeof SPHERE, number> {
  @NumberField({ example: SPHERE.coveredSpacePerPersonM2, description: 'Covered living space per person, m²' }) coveredSpacePerPersonM2: number;
  @NumberField({ example: SPHERE.kcalPerPersonPerDay, description: 'Energy per person per day, kcal' }) kcalPerPersonPerDay: number;
  @NumberField({ example: SPHERE.waterLitresPerPersonPerDay, description: 'Water per person per day, litres' }) waterLitresPerPersonPerDay: number;
  @NumberField({ example: SPHERE.personsPerFamilyTent, description: 'People a family tent shelters' }) personsPerFamilyTent: number;
}

export class CampCoverageResponseDto implements CampCoverageResponse {
  @IdField() campId: string;
  @IntField({ minimum: 0 }) households: number;
  @IntField({ minimum: 0 }) population: number;
  @ObjectField(ShelterCoverageDto) shelter: ShelterCoverageDto;
  @ObjectField(FoodCoverageDto) food: FoodCoverageDto;
  @ObjectField(SphereDto) sphere: typeof SPHERE;
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
