import { ApiExtraModels } from '@nestjs/swagger';
import type {
  CargoLineRequest,
  CargoLineResponse,
  CargoState,
  CheckInRequest,
  ConvoyCoverage,
  ConvoyDetailResponse,
  ConvoyEventKind,
  ConvoyEventResponse,
  ConvoyPurpose,
  ConvoyResponse,
  ConvoyStatus,
  ConvoyStatusRequest,
  ConvoyStatusResponse,
  CreateConvoyRequest,
  GoNoGoReason,
  GoNoGoReasonCode,
  IncidentKind,
  PauseWindowStatus,
  StruckIncident,
  ConvoyStatusPeriod,
  ConvoyStatusQuery,
  Vehicle,
  WindowOnRoute,
} from '@relief-ledger/domain';
import { CARGO_STATES, CONVOY_STATUS_PERIODS, CONVOY_EVENT_KINDS, CONVOY_LIMITS, CONVOY_PURPOSES, CONVOY_STATUSES, INCIDENT_KINDS, INCIDENT_LIMITS, PAUSE_WINDOW_STATUSES } from '@relief-ledger/domain';
import { EnumField, FlagField, IdField, IdListField, InstantField, IntField, ListField, ObjectField, ParamsField, TextField, UnionField } from '../../common/openapi/response-fields.js';
import { RouteStopDto } from '../../routes/dto/route.dto.js';
import { Count, Instant, Nested, OneOf, Text, Uuid, WholeNumber } from '../../common/validation/decorators.js';
import { PageQueryDto } from '../../common/validation/pagination.js';
import { QUANTITY_MAX } from '../../stock/dto/stock.dto.js';

export class VehicleDto implements Vehicle {
  @Text(CONVOY_LIMITS.plateMaxLength, { optional: true }) plate?: string;
  @Text(CONVOY_LIMITS.driverMaxLength, { optional: true }) driver?: string;
}

export class CargoLineDto implements CargoLineRequest {
  @Uuid({ description: 'Where the goods are drawn from on departure' }) stockPointId: string;
  @Uuid() itemId: string;
  @WholeNumber(1, QUANTITY_MAX) quantity: number;
}

export class CreateConvoyDto implements CreateConvoyRequest {
  @Uuid({ optional: true, description: 'Made up by the device; a re-send with it answers the first result (or send an Idempotency-Key header)' }) clientId?: string;
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
  @Text(CONVOY_LIMITS.notesMaxLength, { optional: true }) notes?: string;
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
  @Text(CONVOY_LIMITS.placeMaxLength, { optional: true }) place?: string;
  @Text(CONVOY_LIMITS.notesMaxLength, { optional: true }) note?: string;
  @Uuid({ optional: true, description: 'For struck: the incident already reported' }) incidentId?: string;
  @Nested(StruckIncidentDto, { optional: true, description: 'For struck: report the incident now' }) incident?: StruckIncidentDto;
}

export class CheckInDto implements CheckInRequest {
  @Uuid({ optional: true, description: 'Made by the phone when the form opens; a re-send records the check-in once' }) clientId?: string;
  @Instant({ optional: true, kind: 'past', description: 'Defaults to now' }) occurredAt?: string;
  @Uuid({ optional: true }) locationId?: string;
  @Text(CONVOY_LIMITS.placeMaxLength, { optional: true, description: '"passed Ariha"' }) place?: string;
  @Text(CONVOY_LIMITS.notesMaxLength, { optional: true }) note?: string;
}

export class ConvoyStatusQueryDto implements ConvoyStatusQuery {
  @OneOf(CONVOY_STATUS_PERIODS, { optional: true, description: 'Ended convoys: those of the last 24 hours (recent, the default) or every one (all)' }) ended?: ConvoyStatusPeriod;
}

export class ConvoyListQueryDto extends PageQueryDto {
  @OneOf(CONVOY_STATUSES, { optional: true }) status?: ConvoyStatus;
  @Uuid({ optional: true }) routeId?: string;
}

type ConvoyRoute = ConvoyResponse['route'];
type Covered = Extract<ConvoyCoverage, { kind: 'covered' }>;
type PartlyCovered = Extract<ConvoyCoverage, { kind: 'partly_covered' }>;
type NotCovered = Extract<ConvoyCoverage, { kind: 'not_covered' }>;
type GoNoGo = NonNullable<ConvoyDetailResponse['goNoGo']>;
const GO_NO_GO_REASON_CODES: readonly GoNoGoReasonCode[] = ['no_window', 'window_ends_before_arrival', 'window_violated', 'recent_incident', 'overdue_convoys'];

export class ConvoyRouteDto implements ConvoyRoute {
  @IdField() id: string;
  @TextField() name: string;
  @TextField({ example: 'Asia/Damascus' }) timeZone: string;
  @ListField(RouteStopDto, { description: 'First stop to last' }) stops: RouteStopDto[];
}

export class ConvoyCoveredDto implements Covered {
  @EnumField(['covered']) kind: 'covered';
  @IdListField() windowIds: string[];
  @InstantField({ description: "When the protection that starts at departure runs out (the windows' end, not the trip's)" }) coveredUntil: string;
}

export class ConvoyPartlyCoveredDto implements PartlyCovered {
  @EnumField(['partly_covered']) kind: 'partly_covered';
  @IdListField() windowIds: string[];
  @InstantField({ nullable: true }) coveredUntil: string | null;
  @IntField({ minimum: 0, description: 'Minutes of the trip outside every window' }) exposedMinutes: number;
  @InstantField({ description: 'The first of them' }) exposedFrom: string;
}

export class ConvoyNotCoveredDto implements NotCovered {
  @EnumField(['not_covered']) kind: 'not_covered';
  @IntField({ minimum: 0 }) exposedMinutes: number;
  @InstantField() exposedFrom: string;
}

const COVERAGE_KINDS = { covered: ConvoyCoveredDto, partly_covered: ConvoyPartlyCoveredDto, not_covered: ConvoyNotCoveredDto };

@ApiExtraModels(ConvoyCoveredDto, ConvoyPartlyCoveredDto, ConvoyNotCoveredDto)
export class ConvoyResponseDto implements ConvoyResponse {
  @IdField() id: string;
  @IdField() organisationId: string;
  @TextField({ example: 'Parcels to Atmeh' }) name: string;
  @EnumField(CONVOY_PURPOSES) purpose: ConvoyPurpose;
  @EnumField(CONVOY_STATUSES) status: ConvoyStatus;
  @ObjectField(ConvoyRouteDto) route: ConvoyRouteDto;
  @InstantField() plannedDepartureAt: string;
  @IntField({ minimum: 1, description: 'Minutes' }) expectedDurationMinutes: number;
  @IntField({ minimum: 0, description: 'Minutes' }) safetyMarginMinutes: number;
  @InstantField({ description: 'Departure (actual, or planned) plus duration' }) expectedArrivalAt: string;
  @InstantField({ nullable: true }) departedAt: string | null;
  @InstantField({ nullable: true }) arrivedAt: string | null;
  @IntField({ minimum: 1 }) vehicleCount: number;
  @ListField(VehicleDto) vehicles: VehicleDto[];
  @IntField({ nullable: true, minimum: 0, description: 'People aboard, for evacuations' }) peopleAboard: number | null;
  @IntField({ minimum: 1, description: 'Minutes' }) checkInIntervalMinutes: number;
  @InstantField({ nullable: true }) lastCheckInAt: string | null;
  @InstantField({ nullable: true }) nextCheckInDueAt: string | null;
  @FlagField({ description: 'On the road and past its next check-in' }) overdue: boolean;
  @IdField({ nullable: true }) destinationStockPointId: string | null;
  @TextField({ nullable: true }) notes: string | null;

  @UnionField(COVERAGE_KINDS, { nullable: true, description: 'Is the trip inside pause windows on its route? Only for planned convoys and those on the road' })
  coverage: ConvoyCoverage | null;

  @IntField({ description: 'Increases on every status change; send it back (body version or If-Match). Also the ETag' }) version: number;
  @InstantField() createdAt: string;
  @InstantField() updatedAt: string;
}

export class ConvoyEventResponseDto implements ConvoyEventResponse {
  @IdField() id: string;
  @IdField() convoyId: string;
  @EnumField(CONVOY_EVENT_KINDS) kind: ConvoyEventKind;
  @EnumField(CONVOY_STATUSES, { nullable: true, description: 'For status events' }) fromStatus: ConvoyStatus | null;
  @EnumField(CONVOY_STATUSES, { nullable: true, description: 'For status events' }) toStatus: ConvoyStatus | null;
  @InstantField() occurredAt: string;
  @IdField({ nullable: true }) locationId: string | null;
  @TextField({ nullable: true }) locationName: string | null;
  @TextField({ nullable: true, example: 'passed Ariha' }) place: string | null;
  @TextField({ nullable: true }) note: string | null;
  @IdField({ nullable: true }) incidentId: string | null;
  @IdField() recordedBy: string;
  @TextField() recordedByName: string;
  @InstantField() recordedAt: string;
}

export class CargoLineResponseDto implements CargoLineResponse {
  @IdField() id: string;
  @IdField() stockPointId: string;
  @TextField() stockPointName: string;
  @IdField() itemId: string;
  @TextField() itemCode: string;
  @TextField() itemName: string;
  @TextField() unit: string;
  @IntField({ minimum: 1 }) quantity: number;
  @EnumField(CARGO_STATES) state: CargoState;
}

export class WindowOnRouteDto implements WindowOnRoute {
  @IdField() id: string;
  @TextField() announcedBy: string;
  @TextField() zone: string;
  @InstantField() startsAt: string;
  @InstantField() endsAt: string;
  @EnumField(PAUSE_WINDOW_STATUSES) status: PauseWindowStatus;
  @InstantField({ nullable: true }) violatedAt: string | null;
}

export class GoNoGoReasonDto implements GoNoGoReason {
  @EnumField(GO_NO_GO_REASON_CODES) code: GoNoGoReasonCode;
  @TextField({ description: 'English; params give the numbers and times for the same words in another language' }) message: string;
  @ParamsField() params?: Record<string, string | number>;
}

export class GoNoGoDto implements GoNoGo {
  @FlagField({ description: 'true only when nothing on the checklist speaks against leaving' }) go: boolean;
  @ListField(GoNoGoReasonDto) reasons: GoNoGoReasonDto[];
}

@ApiExtraModels(GoNoGoDto)
export class ConvoyDetailResponseDto extends ConvoyResponseDto implements ConvoyDetailResponse {
  @ListField(ConvoyEventResponseDto, { description: 'Status changes and check-ins, oldest first' }) events: ConvoyEventResponseDto[];
  @ListField(CargoLineResponseDto) cargo: CargoLineResponseDto[];
  @ListField(WindowOnRouteDto, { description: 'Pause windows on its route' }) windows: WindowOnRouteDto[];
  @ObjectField(GoNoGoDto, { nullable: true, description: 'Before departure only' }) goNoGo: GoNoGoDto | null;
}

/** What other organisations see of a convoy: that it exists and its status, never its route or times. */
export class ConvoyStatusResponseDto implements ConvoyStatusResponse {
  @IdField() id: string;
  @IdField() organisationId: string;
  @TextField() organisationName: string;
  @EnumField(CONVOY_STATUSES) status: ConvoyStatus;
  @InstantField() updatedAt: string;
}
