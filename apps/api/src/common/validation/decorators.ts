import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateBy,
  ValidateIf,
  ValidateNested,
} from 'class-validator';

interface Options {
  optional?: boolean;
  nullable?: boolean;
  description?: string;
}

function presence({ optional, nullable, description }: Options, schema: Record<string, unknown>) {
  const doc = optional ? ApiPropertyOptional({ ...schema, description, nullable }) : ApiProperty({ ...schema, description, nullable });
  if (!optional) return [doc];
  // IsOptional also lets null through, which only a nullable field may receive.
  return [doc, nullable ? IsOptional() : ValidateIf((_object: object, value: unknown) => value !== undefined)];
}

// Control characters (NUL above all: PostgreSQL refuses it in text) and halves of surrogate pairs.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
// Spaces, including the invisible ones that make a name look empty.
const EDGE_SPACE = /^[\s\u200B-\u200D\u2060\uFEFF]+|[\s\u200B-\u200D\u2060\uFEFF]+$/g;

/** Trimmed, non-empty text up to `max` characters, without control characters or broken Unicode. */
export function Text(max: number, options: Options = {}) {
  return applyDecorators(
    ...presence(options, { type: String, maxLength: max }),
    IsString({ message: 'must be text' }),
    Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.replace(EDGE_SPACE, '') : value)),
    IsNotEmpty({ message: 'must not be empty' }),
    ValidateBy({
      name: 'safeText',
      validator: {
        validate: (value: unknown) => typeof value !== 'string' || !UNSAFE_TEXT.test(value),
        defaultMessage: () => 'must not contain control characters or broken Unicode',
      },
    }),
    MaxLength(max, { message: `must be at most ${max} characters` }),
  );
}

/** A whole count of people, households, items: 0 to `max`. */
export function Count(max: number, options: Options = {}) {
  return applyDecorators(
    ...presence(options, { type: Number, minimum: 0, maximum: max }),
    IsInt({ message: 'must be a whole number' }),
    Min(0, { message: 'must not be negative' }),
    Max(max, { message: `must be at most ${max.toLocaleString('en')}` }),
  );
}

export function Uuid(options: Options = {}) {
  return applyDecorators(...presence(options, { type: String, format: 'uuid' }), IsUUID('all', { message: 'must be a UUID' }));
}

/** A calendar day, `YYYY-MM-DD`. */
export function CalendarDate(options: Options = {}) {
  return applyDecorators(
    ...presence(options, { type: String, format: 'date', example: '2019-12-23' }),
    Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date as YYYY-MM-DD' }),
    IsISO8601({ strict: true, strictSeparator: true }, { message: 'must be a real calendar date' }),
  );
}

export function OneOf<T extends string>(values: readonly T[], options: Options = {}) {
  return applyDecorators(...presence(options, { enum: values }), IsIn(values as T[], { message: `must be one of: ${values.join(', ')}` }));
}

/** A number from the query string ("?page=2"), where everything arrives as text. */
export function QueryInt(min: number, max: number, options: Options = {}) {
  return applyDecorators(
    ...presence({ optional: true, ...options }, { type: Number, minimum: min, maximum: max }),
    Type(() => Number),
    IsInt({ message: 'must be a whole number' }),
    Min(min, { message: `must be at least ${min}` }),
    Max(max, { message: `must be at most ${max}` }),
  );
}

/** An instant with its offset or Z: `2019-12-23T14:30:00+02:00`. A bare local time is ambiguous, so refused. */
export function Instant(options: Options = {}) {
  return applyDecorators(
    ...presence(options, { type: String, format: 'date-time', example: '2019-12-23T14:30:00+02:00' }),
    IsISO8601({ strict: true, strictSeparator: true }, { message: 'must be a date and time like 2019-12-23T14:30:00+02:00' }),
    Matches(/T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})$/, { message: 'must carry its offset or Z, like 2019-12-23T14:30:00+02:00' }),
  );
}

/** A whole number in a range, e.g. minutes of a trip. */
export function WholeNumber(min: number, max: number, options: Options = {}) {
  return applyDecorators(
    ...presence(options, { type: Number, minimum: min, maximum: max }),
    IsInt({ message: 'must be a whole number' }),
    Min(min, { message: `must be at least ${min}` }),
    Max(max, { message: `must be at most ${max.toLocaleString('en')}` }),
  );
}

/** A list of distinct UUIDs, at most `max`. */
export function UuidList(max: number, options: Options & { min?: number } = {}) {
  const min = options.min ?? 0;
  return applyDecorators(
    ...presence(options, { type: [String], format: 'uuid', minItems: min, maxItems: max }),
    IsArray({ message: 'must be a list' }),
    ArrayMinSize(min, { message: `must have at least ${min} entries` }),
    ArrayMaxSize(max, { message: `must have at most ${max} entries` }),
    ArrayUnique({ message: 'must not repeat an entry' }),
    IsUUID('all', { each: true, message: 'must be a list of UUIDs' }),
  );
}

/** A nested object (or list of them, `each`) validated by its own class. */
export function Nested(cls: new () => object, options: Options & { each?: boolean; max?: number } = {}) {
  const list = options.each ? [IsArray({ message: 'must be a list' }), ArrayMaxSize(options.max ?? 100, { message: `must have at most ${options.max ?? 100} entries` })] : [];
  return applyDecorators(
    ...presence(options, { type: options.each ? [cls] : cls }),
    ...list,
    IsObject({ each: options.each, message: 'must be an object' }),
    ValidateNested({ each: options.each }),
    Type(() => cls),
  );
}
