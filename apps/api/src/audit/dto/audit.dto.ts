import type { AuditKind, AuditListQuery } from '@relief-ledger/domain';
import { OneOf, Text } from '../../common/validation/decorators.js';
import { PageQueryDto } from '../../common/validation/pagination.js';

export class AuditListQueryDto extends PageQueryDto implements AuditListQuery {
  @Text(50, { optional: true, description: 'e.g. camp, user, api_token, session' }) entity?: string;
  @Text(100, { optional: true }) entityId?: string;
  @OneOf(['read', 'write'] as const, { optional: true, description: 'read: who looked at sensitive records; write: every change, sign-ins included' }) kind?: AuditKind;
}
