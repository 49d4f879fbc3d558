import { ApiProperty } from '@nestjs/swagger';
import { PASSWORD_MAX_LENGTH, type ChangePasswordRequest, type SignInRequest } from '@relief-ledger/domain';
import { IsString, MaxLength } from 'class-validator';
import { Text } from '../../common/validation/decorators.js';

export class SignInDto implements SignInRequest {
  @Text(254) email: string;

  // Not trimmed or otherwise changed: a password is compared exactly as typed.
  @ApiProperty({ maxLength: PASSWORD_MAX_LENGTH * 4 })
  @IsString({ message: 'must be text' })
  @MaxLength(PASSWORD_MAX_LENGTH * 4, { message: 'is too long' })
  password: string;
}

export class ChangePasswordDto implements ChangePasswordRequest {
  @ApiProperty({ maxLength: PASSWORD_MAX_LENGTH * 4 })
  @IsString({ message: 'must be text' })
  @MaxLength(PASSWORD_MAX_LENGTH * 4, { message: 'is too long' })
  currentPassword: string;

  @ApiProperty({ minLength: 12, maxLength: PASSWORD_MAX_LENGTH })
  @IsString({ message: 'must be text' })
  @MaxLength(PASSWORD_MAX_LENGTH * 4, { message: 'is too long' })
  newPassword: string;
}
