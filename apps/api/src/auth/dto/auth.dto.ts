import { ApiProperty } from '@nestjs/swagger';
import { DIGIT_SYSTEMS, LANGUAGES, PASSWORD_MAX_LENGTH, type ChangePasswordRequest, type DigitSystem, type Language, type PreferencesRequest, type SignInRequest } from '@relief-ledger/domain';
import { IsString, MaxLength } from 'class-validator';
import { OneOf, Text, said } from '../../common/validation/decorators.js';

export class SignInDto implements SignInRequest {
  @Text(254) email: string;

  // Not trimmed or otherwise changed: a password is compared exactly as typed.
  @ApiProperty({ maxLength: PASSWORD_MAX_LENGTH * 4 })
  @IsString(said('field.text'))
  @MaxLength(PASSWORD_MAX_LENGTH * 4, said('field.too_long'))
  password: string;
}

export class ChangePasswordDto implements ChangePasswordRequest {
  @ApiProperty({ maxLength: PASSWORD_MAX_LENGTH * 4 })
  @IsString(said('field.text'))
  @MaxLength(PASSWORD_MAX_LENGTH * 4, said('field.too_long'))
  currentPassword: string;

  @ApiProperty({ minLength: 12, maxLength: PASSWORD_MAX_LENGTH })
  @IsString(said('field.text'))
  @MaxLength(PASSWORD_MAX_LENGTH * 4, said('field.too_long'))
  newPassword: string;
}

export class PreferencesDto implements PreferencesRequest {
  @OneOf(LANGUAGES, { optional: true, description: 'The interface and report headers in this language' }) language?: Language;
  @OneOf(DIGIT_SYSTEMS, { optional: true, description: 'latn (0-9, the default) or arab (Arabic-Indic)' }) digits?: DigitSystem;
}
