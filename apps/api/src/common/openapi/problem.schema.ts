import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { FieldError, Problem, ProblemParams } from '@relief-ledger/domain';
import { ParamsField } from './response-fields.js';

/** One refused field of a problem: `errors[]`. */
export class FieldErrorDto implements FieldError {
  @ApiProperty({ type: 'string', description: 'The field, dotted for nested ones (`cargo.0.quantity`), or a header (`If-Match`)', example: 'nameEn' })
  field: string;

  @ApiProperty({ type: 'string', description: 'Why, in English', example: 'must be at most 200 characters' })
  reason: string;

  @ApiPropertyOptional({ type: 'string', description: 'The reason as a code (PROBLEM_TEXT in libs/domain), to word in the reader\'s language', example: 'field.max_length' })
  code?: string;

  @ParamsField({ description: 'The numbers and names in the reason', example: { max: 200 } })
  params?: ProblemParams;

  @ApiPropertyOptional({ type: 'integer', description: 'CSV import only: the row of the file, the header being row 1', example: 12 })
  row?: number;

  @ApiPropertyOptional({ type: 'string', description: 'CSV import only: the column', example: 'quantity' })
  column?: string;
}

/**
 * RFC 9457 problem details: every error of the API, sent as `application/problem+json`.
 * `code` says what happened in a word a script can branch on; `detail` says it in English.
 */
export class ProblemDto implements Problem {
  @ApiProperty({ type: 'string', description: 'Always about:blank: `code` says what happened', example: 'about:blank' })
  type: string;

  @ApiProperty({ type: 'string', example: 'Camp changed meanwhile' })
  title: string;

  @ApiProperty({ type: 'integer', description: 'The HTTP status, repeated', example: 409 })
  status: number;

  @ApiPropertyOptional({ type: 'string', description: 'What went wrong, in English, with the numbers in it', example: 'This camp was changed by someone else (you sent version 3, it is now at version 4); reload it and apply your change again' })
  detail?: string;

  @ApiPropertyOptional({ type: 'string', description: 'The path that was asked for', example: '/api/v1/camps/7f0c3d1e-5d4b-4c1a-9a51-2c1f0e8b6a10' })
  instance?: string;

  @ApiPropertyOptional({ type: 'string', description: 'What happened, as a code (PROBLEM_TEXT in libs/domain); the codes each answer can carry are listed with it', example: 'camp.stale_version' })
  code?: string;

  @ParamsField({ description: 'The numbers and names in the detail, for a message in another language', example: { sent: 3, current: 4 } })
  params?: ProblemParams;

  @ApiPropertyOptional({ type: [FieldErrorDto], description: 'One entry per refused field' })
  errors?: FieldErrorDto[];
}
