import type { ApiTokenResponse, CreateApiTokenRequest, CreatedApiTokenResponse } from '@relief-ledger/domain';
import { IdField, InstantField, TextField } from '../../common/openapi/response-fields.js';
import { Text } from '../../common/validation/decorators.js';
import { PageQueryDto } from '../../common/validation/pagination.js';
import { ApiTokenEntity } from '../api-token.entity.js';

export class CreateApiTokenDto implements CreateApiTokenRequest {
  @Text(100, { description: 'What the token is for, e.g. "OCHA 4W export script"; the token acts as you' }) name: string;
}

export class ApiTokenListQueryDto extends PageQueryDto {}

export class ApiTokenResponseDto implements ApiTokenResponse {
  @IdField() id: string;
  @TextField({ example: 'OCHA 4W export script' }) name: string;
  @IdField({ description: 'Whose token it is: it acts as them, with their role' }) userId: string;
  @TextField() userName: string;
  @InstantField() createdAt: string;
  @InstantField({ nullable: true }) lastUsedAt: string | null;
  @InstantField({ nullable: true, description: 'Set once revoked: the token no longer works' }) revokedAt: string | null;
}

export class CreatedApiTokenResponseDto extends ApiTokenResponseDto implements CreatedApiTokenResponse {
  @TextField({ description: 'The token itself, shown this once: send it as Authorization: Bearer <token>', example: 'rl_3q2…' }) token: string;
}

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
