import { AUDIT_TARGET_KINDS, type AuditEntryResponse, type AuditKind, type AuditListQuery, type AuditPersonResponse, type AuditTarget, type AuditTargetKind } from '@relief-ledger/domain';
import { EnumField, IdField, InstantField, ObjectField, TextField, TextListField } from '../../common/openapi/response-fields.js';
import { Instant, OneOf, Text, Uuid } from '../../common/validation/decorators.js';
import { PageQueryDto } from '../../common/validation/pagination.js';

export class AuditListQueryDto extends PageQueryDto implements AuditListQuery {
  @Text(50, { optional: true, description: 'e.g. camp, user, api_token, session' }) entity?: string;
  @Text(100, { optional: true }) entityId?: string;
  @Uuid({ optional: true, description: 'What one person of the organisation did' }) userId?: string;
  // Text rather than a fixed list: a feature that records a new action can be filtered by it at once.
  @Text(50, { optional: true, description: 'e.g. sign_in, create, check_in, struck, loss, export' }) action?: string;
  @Instant({ optional: true, description: 'From this instant, inclusive' }) from?: string;
  @Instant({ optional: true, description: 'Up to this instant, exclusive' }) to?: string;
  @OneOf(['read', 'write'] as const, { optional: true, description: 'read: who looked at sensitive records; write: every change, sign-ins included' }) kind?: AuditKind;
}

export class AuditTargetDto implements AuditTarget {
  @EnumField(AUDIT_TARGET_KINDS) kind: AuditTargetKind;
  @IdField() id: string;
}

export class AuditEntryResponseDto implements AuditEntryResponse {
  @TextField({ example: '1042', description: 'The entry\'s number, a 64-bit integer sent as text' }) id: string;
  @InstantField() at: string;
  @IdField({ nullable: true, description: 'Who; null for what no user did' }) userId: string | null;
  @TextField({ nullable: true }) userName: string | null;
  @TextField({ example: 'update', description: 'create, update, close, sign_in, read, export, …' }) action: string;
  @TextField({ example: 'camp' }) entity: string;
  @TextField({ nullable: true }) entityId: string | null;
  @TextListField({ description: 'The names of the fields written or the filters used, never their values' }) changedFields: string[];
  @TextField({ nullable: true, example: 'Atmeh border camp (new)', description: "The record's name where it has one (a movement's: its stock point's)" }) recordLabel: string | null;
  @ObjectField(AuditTargetDto, { nullable: true, description: "Where to look at the record: itself, or what holds it (a movement's stock point, a session's user)" }) target: AuditTarget | null;
}

export class AuditPersonResponseDto implements AuditPersonResponse {
  @IdField() id: string;
  @TextField() name: string;
}
