import type { ApiTokenResponse, CreateApiTokenRequest } from '@relief-ledger/domain';
import { Text } from '../../common/validation/decorators.js';
import { PageQueryDto } from '../../common/validation/pagination.js';
import { ApiTokenEntity } from '../api-token.entity.js';

export class CreateApiTokenDto implements CreateApiTokenRequest {
  @Text(100, { description: 'What the token is for, e.g. "OCHA 4W export script"; the token acts as you' }) name: string;
}

export class ApiTokenListQueryDto extends PageQueryDto {}

/** Expects `user` to be loaded. */
export function toApiTokenResponse(entity: ApiTokenEntity): ApiTokenResponse {
  return {
    id: entity.id,
    name: entity.name,
    userId: entity.userId,
    userName: entity.user?.name ?? '',
    createdAt: entity.createdAt.toISOString(),
    lastUsedAt: entity.lastUsedAt?.toISOString() ?? null,
    revokedAt: entity.revokedAt?.toISOString() ?? null,
  };
}
