import { ApiProperty } from '@nestjs/swagger';
import { PASSWORD_MAX_LENGTH, ROLES } from '@relief-ledger/domain';
import type { CreateUserRequest, Role, UpdateUserRequest, UserResponse } from '@relief-ledger/domain';
import { IsString, MaxLength } from 'class-validator';
import { EnumField, FlagField, IdField, InstantField, IntField, TextField } from '../../common/openapi/response-fields.js';
import { Count, Email, Flag, OneOf, Text, said } from '../../common/validation/decorators.js';
import { PageQueryDto } from '../../common/validation/pagination.js';
import { UserEntity } from '../user.entity.js';

export class CreateUserDto implements CreateUserRequest {
  @Text(200) name: string;
  @Email() email: string;
  @OneOf(ROLES) role: Role;

  @ApiProperty({ minLength: 12, maxLength: PASSWORD_MAX_LENGTH })
  @IsString(said('field.text'))
  @MaxLength(PASSWORD_MAX_LENGTH * 4, said('field.too_long'))
  password: string;
}

export class UpdateUserDto implements UpdateUserRequest {
  @Count(2_147_483_647, { optional: true, description: 'The version you last read (or send If-Match)' }) version?: number;
  @Text(200, { optional: true }) name?: string;
  @OneOf(ROLES, { optional: true }) role?: Role;

  @Flag({ optional: true, description: 'false disables the user and ends all their sessions at once' }) active?: boolean;
}

export class UserListQueryDto extends PageQueryDto {}

export class UserResponseDto implements UserResponse {
  @IdField() id: string;
  @IdField() organisationId: string;
  @TextField() name: string;
  @TextField() email: string;
  @EnumField(ROLES) role: Role;
  @FlagField({ description: 'false: disabled, cannot sign in' }) active: boolean;
  @IntField({ description: 'Send it back (body version or If-Match) to change the user' }) version: number;
  @InstantField() createdAt: string;
}

export function toUserResponse(entity: UserEntity): UserResponse {
  return {
    id: entity.id,
    organisationId: entity.organisationId,
    name: entity.name,
    email: entity.email,
    role: entity.role,
    active: entity.active,
    version: entity.version,
    createdAt: entity.createdAt.toISOString(),
  };
}
