import type { AuditEntryResponse, AuditKind, AuditListQuery } from '@relief-ledger/domain';
import { IdField, InstantField, TextField, TextListField } from '../../common/openapi/response-fields.js';
import { OneOf, Text } from '../../common/validation/decorators.js';
import { PageQueryDto } from '../../common/validation/pagination.js';

export class AuditListQueryDto extends PageQueryDto implements AuditListQuery {
  @Text(50, { optional: true, description: 'e.g. camp, user, api_token, session' }) entity?: string;
  @Text(100, { optional: true }) entityId?: string;
  @OneOf(['read', 'write'] as const, { optional: true, description: 'read: who looked at sensitive records; write: every change, sign-ins included' }) kind?: AuditKind;
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
}
