import type { CreateIncidentRequest, IncidentKind, IncidentResponse } from '@relief-ledger/domain';
import { EnumField, IdField, IdListField, InstantField, IntField, TextField } from '../../common/openapi/response-fields.js';
import { INCIDENT_KINDS, INCIDENT_LIMITS } from '@relief-ledger/domain';
import { Count, Instant, OneOf, Text, Uuid } from '../../common/validation/decorators.js';
import { PageQueryDto } from '../../common/validation/pagination.js';

export class CreateIncidentDto implements CreateIncidentRequest {
  @Uuid({ optional: true, description: 'Made by the client when the form opens; a re-send with it records the incident once' }) clientId?: string;
  @OneOf(INCIDENT_KINDS) kind: IncidentKind;
  @Instant({ optional: true, kind: 'past', description: 'Defaults to now' }) occurredAt?: string;
  @Uuid({ optional: true }) locationId?: string;
  @Uuid({ optional: true }) routeId?: string;
  @Text(500, { optional: true, description: 'Where, in words, when no location fits' }) place?: string;
  @Uuid({ optional: true, description: "One of your organisation's convoys" }) convoyId?: string;
  @Uuid({ optional: true, description: "One of your organisation's camps" }) campId?: string;
  @Count(INCIDENT_LIMITS.casualtiesMax, { optional: true }) killed?: number;
  @Count(INCIDENT_LIMITS.casualtiesMax, { optional: true }) injured?: number;
  @Text(INCIDENT_LIMITS.descriptionMaxLength) description: string;
}

export class IncidentListQueryDto extends PageQueryDto {
  @OneOf(INCIDENT_KINDS, { optional: true }) kind?: IncidentKind;
  @Uuid({ optional: true }) routeId?: string;
  @Instant({ optional: true }) from?: string;
  @Instant({ optional: true }) to?: string;
}

/** Shared with every organisation; what would say where another organisation's people were is left out. */
export class IncidentResponseDto implements IncidentResponse {
  @IdField() id: string;
  @EnumField(INCIDENT_KINDS) kind: IncidentKind;
  @InstantField() occurredAt: string;
  @IdField({ nullable: true }) locationId: string | null;
  @TextField({ nullable: true }) locationName: string | null;
  @IdField({ nullable: true }) routeId: string | null;
  @TextField({ nullable: true }) routeName: string | null;
  @TextField({ nullable: true, description: 'Where, in words' }) place: string | null;
  @IdField({ nullable: true, description: "Only for the reporting organisation: naming its convoy would tell others where it was" }) convoyId: string | null;
  @IdField({ nullable: true, description: 'Only for the reporting organisation' }) campId: string | null;
  @TextField({ nullable: true, description: 'Only for the reporting organisation' }) campName: string | null;
  @IntField({ minimum: 0 }) killed: number;
  @IntField({ minimum: 0 }) injured: number;
  @TextField() description: string;
  @TextField() reportedByOrganisation: string;
  @IdListField({ description: 'Windows this incident marked violated' }) violatedWindowIds: string[];
  @InstantField() createdAt: string;
}
