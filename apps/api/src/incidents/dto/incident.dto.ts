import type { CreateIncidentRequest, IncidentKind } from '@relief-ledger/domain';
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
