import { ApiProperty } from '@nestjs/swagger';
import {
  DIGIT_SYSTEMS,
  LANGUAGES,
  PASSWORD_MAX_LENGTH,
  ROLES,
  type ChangePasswordRequest,
  type DigitSystem,
  type Language,
  type PreferencesRequest,
  type Role,
  type SessionResponse,
  type SignInRequest,
} from '@relief-ledger/domain';
import { IsString, MaxLength } from 'class-validator';
import { EnumField, IdField, InstantField, ObjectField, TextField } from '../../common/openapi/response-fields.js';
import { OneOf, Text, said } from '../../common/validation/decorators.js';

type SessionUser = SessionResponse['user'];
type SessionOrganisation = SessionResponse['organisation'];

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

export class SessionUserDto implements SessionUser {
  @IdField() id: string;
  @TextField() name: string;
  @TextField({ example: 'coordinator@hro.example' }) email: string;
  @EnumField(ROLES) role: Role;
  @EnumField(LANGUAGES, { nullable: true, description: 'The language the user chose (it follows them to another phone); null until they choose' }) language: Language | null;
  @EnumField(DIGIT_SYSTEMS, { description: 'latn (0-9, the default) or arab (Arabic-Indic)' }) digits: DigitSystem;
}

export class SessionOrganisationDto implements SessionOrganisation {
  @IdField() id: string;
  @TextField() name: string;
  @TextField({ example: 'HRO' }) shortCode: string;
}

export class SessionResponseDto implements SessionResponse {
  @ObjectField(SessionUserDto) user: SessionUserDto;
  @ObjectField(SessionOrganisationDto) organisation: SessionOrganisationDto;
  @InstantField({ description: 'When the session ends at the latest (it also ends after a period without use)' }) expiresAt: string;
}
