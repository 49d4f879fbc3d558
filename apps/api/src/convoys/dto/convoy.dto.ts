import type { CargoLineRequest, CheckInRequest, ConvoyPurpose, ConvoyStatus, ConvoyStatusRequest, CreateConvoyRequest, IncidentKind, StruckIncident, Vehicle } from '@relief-ledger/domain';
import { CONVOY_LIMITS, CONVOY_PURPOSES, CONVOY_STATUSES, INCIDENT_KINDS, INCIDENT_LIMITS } from '@relief-ledger/domain';
import { Count, Instant, Nested, OneOf, Text, Uuid, WholeNumber } from '../../common/validation/decorators.js';
import { PageQueryDto } from '../../common/validation/pagination.js';
import { QUANTITY_MAX } from '../../stock/dto/stock.dto.js';

export class VehicleDto implements Vehicle {
  @Text(40, { optional: true }) plate?: string;
  @Text(200, { optional: true }) driver?: string;
}

export class CargoLineDto implements CargoLineRequest {
  @Uuid({ description: 'Where the goods are drawn from on departure' }) stockPointId: string;
  @Uuid() itemId: string;
  @WholeNumber(1, QUANTITY_MAX) quantity: number;
}

export class CreateConvoyDto implements CreateConvoyRequest {
  @Text(CONVOY_LIMITS.nameMaxLength) name: string;
  @OneOf(CONVOY_PURPOSES) purpose: ConvoyPurpose;
  @Uuid() routeId: string;
  @Instant({ kind: 'plan' }) plannedDepartureAt: string;
  @WholeNumber(1, CONVOY_LIMITS.durationMaxMinutes, { description: 'Minutes' }) expectedDurationMinutes: number;
  @WholeNumber(0, CONVOY_LIMITS.marginMaxMinutes, { optional: true, description: 'Minutes added to the arrival before a trip counts as covered; default 60' })
  safetyMarginMinutes?: number;
  @WholeNumber(1, CONVOY_LIMITS.vehiclesMax) vehicleCount: number;
  @Nested(VehicleDto, { optional: true, each: true, max: CONVOY_LIMITS.vehiclesMax }) vehicles?: VehicleDto[];
  @Count(CONVOY_LIMITS.peopleMax, { optional: true }) peopleAboard?: number;
  @WholeNumber(CONVOY_LIMITS.checkInMinMinutes, CONVOY_LIMITS.checkInMaxMinutes, { optional: true, description: 'Minutes; default 30' }) checkInIntervalMinutes?: number;
  @Uuid({ optional: true, description: 'Where the cargo is received on arrival; required with cargo' }) destinationStockPointId?: string;
  @Nested(CargoLineDto, { optional: true, each: true, max: CONVOY_LIMITS.cargoLinesMax }) cargo?: CargoLineDto[];
  @Text(2000, { optional: true }) notes?: string;
}

export class StruckIncidentDto implements StruckIncident {
  @OneOf(INCIDENT_KINDS) kind: IncidentKind;
  @Count(INCIDENT_LIMITS.casualtiesMax, { optional: true }) killed?: number;
  @Count(INCIDENT_LIMITS.casualtiesMax, { optional: true }) injured?: number;
  @Text(INCIDENT_LIMITS.descriptionMaxLength) description: string;
}

export class ConvoyStatusDto implements ConvoyStatusRequest {
  @Uuid({ optional: true, description: 'Made by the phone when the change is first tried; a re-send after it went through answers the convoy as it is' })
  clientId?: string;
  /** Any status: the transition table, not the validator, says which are allowed and why not. */
  @OneOf(CONVOY_STATUSES) status: ConvoyStatus;
  @WholeNumber(1, 2_000_000_000, { optional: true, description: 'The version last read; or send If-Match' }) version?: number;
  @Instant({ optional: true, kind: 'past', description: 'Defaults to now' }) occurredAt?: string;
  @Uuid({ optional: true }) locationId?: string;
  @Text(500, { optional: true }) place?: string;
  @Text(2000, { optional: true }) note?: string;
  @Uuid({ optional: true, description: 'For struck: the incident already reported' }) incidentId?: string;
  @Nested(StruckIncidentDto, { optional: true, description: 'For struck: report the incident now' }) incident?: StruckIncidentDto;
}

export class CheckInDto implements CheckInRequest {
  @Uuid({ optional: true, description: 'Made by the phone when the form opens; a re-send records the check-in once' }) clientId?: string;
  @Instant({ optional: true, kind: 'past', description: 'Defaults to now' }) occurredAt?: string;
  @Uuid({ optional: true }) locationId?: string;
  @Text(500, { optional: true, description: '"passed Ariha"' }) place?: string;
  @Text(2000, { optional: true }) note?: string;
}

export class ConvoyListQueryDto extends PageQueryDto {
  @OneOf(CONVOY_STATUSES, { optional: true }) status?: ConvoyStatus;
  @Uuid({ optional: true }) routeId?: string;
}
