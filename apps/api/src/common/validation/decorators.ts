import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsBoolean,
  isEmail,
  IsInt,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateBy,
  ValidateIf,
  ValidateNested,
  type ValidationArguments,
} from 'class-validator';
import {
  DATE_EXAMPLE,
  INSTANT_EXAMPLE,
  parseCalendarDate,
  parseInstant,
  problemText,
  type Checked,
  type DateBounds,
  type InstantBounds,
  type ProblemCode,
  type ProblemParams,
} from '@relief-ledger/domain';

interface Options {
  optional?: boolean;
  nullable?: boolean;
  description?: string;
}

/** The English words of a refusal and, for the validation pipe to send along, its code and parameters. */
export function said(code: ProblemCode, params?: ProblemParams): { message: string; context: { code: ProblemCode; params?: ProblemParams } } {
  return { message: problemText(code, params), context: { code, params } };
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
/** No control characters (NUL above all) and no half of a surrogate pair: what `Text()` refuses. */
export function isSafeText(value: string): boolean {
  return !UNSAFE_TEXT.test(value);
}
// Spaces, including the invisible ones that make a name look empty.
const EDGE_SPACE = /^[\s\u200B-\u200D\u2060\uFEFF]+|[\s\u200B-\u200D\u2060\uFEFF]+$/g;

/** Trimmed, non-empty text up to `max` characters, without control characters or broken Unicode. */
export function Text(max: number, options: Options = {}) {
  return applyDecorators(
    ...presence(options, { type: String, maxLength: max }),
    IsString(said('field.text')),
    Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.replace(EDGE_SPACE, '') : value)),
    IsNotEmpty(said('field.not_empty')),
    ValidateBy(
      {
        name: 'safeText',
        validator: {
          validate: (value: unknown) => typeof value !== 'string' || !UNSAFE_TEXT.test(value),
          defaultMessage: () => problemText('field.unsafe_text'),
        },
      },
      said('field.unsafe_text'),
    ),
    MaxLength(max, said('field.max_length', { max })),
  );
}

/** A whole count of people, households, items: 0 to `max`. */
export function Count(max: number, options: Options = {}) {
  return applyDecorators(
    ...presence(options, { type: Number, minimum: 0, maximum: max }),
    IsInt(said('field.whole_number')),
    Min(0, said('field.not_negative')),
    Max(max, said('field.at_most', { max })),
  );
}

export function Uuid(options: Options = {}) {
  return applyDecorators(...presence(options, { type: String, format: 'uuid' }), IsUUID('all', said('field.uuid')));
}

/**
 * How far ahead a time may lie: `past` for what happened (a phone's clock may run a little
 * ahead, so up to a day), `plan` for what is planned, `any` for filters.
 */
export type TimeKind = 'past' | 'plan' | 'any';

const DAY_MS = 86_400_000;
const PLAN_YEARS = 5;
const LATEST_FILTER = new Date('2100-01-01T00:00:00Z');

function instantBounds(kind: TimeKind, now = new Date()): InstantBounds {
  if (kind === 'past') return { notAfter: new Date(now.getTime() + DAY_MS), notAfterCode: 'field.future_day', notAfterParams: {} };
  if (kind === 'plan') return { notAfter: new Date(now.getTime() + PLAN_YEARS * 365 * DAY_MS), notAfterCode: 'field.future_years', notAfterParams: { years: PLAN_YEARS } };
  return { notAfter: LATEST_FILTER, notAfterCode: 'field.not_after', notAfterParams: { date: '2100-01-01' } };
}

function dateBounds(kind: TimeKind, now = new Date()): DateBounds {
  const { notAfter, notAfterCode, notAfterParams } = instantBounds(kind, now);
  return { notAfter: notAfter!.toISOString().slice(0, 10), notAfterCode, notAfterParams };
}

/**
 * Refusals whose code depends on the value (which date rule it broke): the validation pipe
 * runs the constraint's check again to send the code and its parameters with the words.
 */
export const VALUE_CODED = new Map<string, (value: unknown) => Checked<unknown>>();

function checked(name: string, check: (value: unknown) => Checked<unknown>) {
  VALUE_CODED.set(name, check);
  return ValidateBy({
    name,
    validator: {
      validate: (value: unknown) => check(value).ok,
      defaultMessage: (args?: ValidationArguments) => {
        const result = check(args?.value);
        return result.ok ? 'is not acceptable' : result.reason;
      },
    },
  });
}

/** A calendar day, `YYYY-MM-DD`, that exists; never shifted by a zone. */
export function CalendarDate(options: Options & { kind?: TimeKind } = {}) {
  const kind = options.kind ?? 'any';
  return applyDecorators(
    ...presence(options, { type: String, format: 'date', example: DATE_EXAMPLE }),
    checked(`calendarDate.${kind}`, (value) => parseCalendarDate(value, dateBounds(kind))),
  );
}

export function OneOf<T extends string>(values: readonly T[], options: Options = {}) {
  return applyDecorators(...presence(options, { enum: values }), IsIn(values as T[], said('field.one_of', { values: values.join(', ') })));
}

/** A number from the query string ("?page=2"), where everything arrives as text. */
export function QueryInt(min: number, max: number, options: Options = {}) {
  return applyDecorators(
    ...presence({ optional: true, ...options }, { type: Number, minimum: min, maximum: max }),
    Type(() => Number),
    IsInt(said('field.whole_number')),
    Min(min, said('field.at_least', { min })),
    Max(max, said('field.at_most', { max })),
  );
}

/**
 * An instant with its offset or Z: `2019-12-23T14:30:00+02:00`, RFC 3339, a real date and time
 * within the bounds of its kind. A bare local time is ambiguous, so refused. The same rule reads
 * the CSV import (parseInstant in libs/domain).
 */
export function Instant(options: Options & { kind?: TimeKind } = {}) {
  const kind = options.kind ?? 'any';
  return applyDecorators(
    ...presence(options, { type: String, format: 'date-time', example: INSTANT_EXAMPLE }),
    // One spelling from here on (`2019-12-23T12:30:00.000Z`): hashes of replayed requests and
    // PostgreSQL then see the same text for the same instant.
    Transform(({ value }: { value: unknown }) => {
      const parsed = parseInstant(value);
      return parsed.ok ? parsed.value.toISOString() : value;
    }),
    checked(`instant.${kind}`, (value) => parseInstant(value, instantBounds(kind))),
  );
}

/** A filter bound: a calendar day (`2019-12-23`) or an instant with its offset. */
export function DayOrInstant(options: Options = {}) {
  return applyDecorators(
    ...presence(options, { type: String, example: DATE_EXAMPLE, description: `A day (${DATE_EXAMPLE}) or an instant (${INSTANT_EXAMPLE})` }),
    checked('dayOrInstant', (value) => {
      const day = parseCalendarDate(value, dateBounds('any'));
      return day.ok || (typeof value === 'string' && !value.includes('T') && !value.includes('t')) ? day : parseInstant(value, instantBounds('any'));
    }),
  );
}

/** The instant as stored (UTC), from text a DTO has already checked. */
export function instantOf(text: string): Date {
  const parsed = parseInstant(text);
  if (!parsed.ok) throw new Error(`an unchecked instant reached a service: ${parsed.reason}`);
  return parsed.value;
}

/** When something that happened is put in the past by kind, the same bounds the DTOs use. */
export function happenedBounds(now = new Date()): InstantBounds {
  return instantBounds('past', now);
}

/** An email address: safe text first (a lone surrogate once crashed the address check), then its form. */
export function Email(options: Options = {}) {
  return applyDecorators(
    Text(254, options),
    ValidateBy({
      name: 'email',
      validator: {
        validate: (value: unknown) => {
          if (typeof value !== 'string' || UNSAFE_TEXT.test(value)) return true; // Text() reports these
          try {
            return isEmail(value);
          } catch {
            return false;
          }
        },
        defaultMessage: () => problemText('field.email'),
      },
    }, said('field.email')),
  );
}

/** true or false; null only where the field says it is nullable. */
export function Flag(options: Options = {}) {
  return applyDecorators(...presence(options, { type: Boolean }), IsBoolean(said('field.boolean')));
}

/** A whole number in a range, e.g. minutes of a trip. */
export function WholeNumber(min: number, max: number, options: Options = {}) {
  return applyDecorators(
    ...presence(options, { type: Number, minimum: min, maximum: max }),
    IsInt(said('field.whole_number')),
    Min(min, said('field.at_least', { min })),
    Max(max, said('field.at_most', { max })),
  );
}

/** A list of distinct UUIDs, at most `max`. */
export function UuidList(max: number, options: Options & { min?: number } = {}) {
  const min = options.min ?? 0;
  return applyDecorators(
    ...presence(options, { type: [String], format: 'uuid', minItems: min, maxItems: max }),
    IsArray(said('field.list')),
    ArrayMinSize(min, said('field.list_min', { min })),
    ArrayMaxSize(max, said('field.list_max', { max })),
    ArrayUnique(said('field.list_unique')),
    IsUUID('all', { each: true, ...said('field.uuid_list') }),
  );
}

/** A nested object (or list of them, `each`) validated by its own class. */
export function Nested(cls: new () => object, options: Options & { each?: boolean; max?: number } = {}) {
  const list = options.each ? [IsArray(said('field.list')), ArrayMaxSize(options.max ?? 100, said('field.list_max', { max: options.max ?? 100 }))] : [];
  return applyDecorators(
    ...presence(options, { type: options.each ? [cls] : cls }),
    ...list,
    IsObject({ each: options.each, ...said('field.object') }),
    ValidateNested({ each: options.each }),
    Type(() => cls),
  );
}
