import { type Type } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, getSchemaPath, type ApiPropertyOptions } from '@nestjs/swagger';

/**
 * Properties of response classes, one line each. A response field is always present (the
 * contract types in libs/domain have no optional response fields); `nullable` says when it may
 * be null. Validation never runs on responses, so these carry OpenAPI only.
 */
interface FieldOptions {
  nullable?: boolean;
  description?: string;
  example?: unknown;
}

export const IdField = (options: FieldOptions = {}) => ApiProperty({ type: 'string', format: 'uuid', ...options });
export const TextField = (options: FieldOptions = {}) => ApiProperty({ type: 'string', ...options });
export const IntField = (options: FieldOptions & { minimum?: number; maximum?: number } = {}) => ApiProperty({ type: 'integer', ...options });
export const NumberField = (options: FieldOptions & { minimum?: number; maximum?: number } = {}) => ApiProperty({ type: 'number', ...options });
export const FlagField = (options: FieldOptions = {}) => ApiProperty({ type: 'boolean', ...options });
/** An instant, always sent in UTC: `2019-12-23T14:30:00.000Z`. */
export const InstantField = (options: FieldOptions = {}) => ApiProperty({ type: 'string', format: 'date-time', ...options });
/** A calendar day, `YYYY-MM-DD`. */
export const DayField = (options: FieldOptions = {}) => ApiProperty({ type: 'string', format: 'date', ...options });
export const EnumField = (values: readonly string[], options: FieldOptions = {}) => ApiProperty({ type: 'string', enum: [...values], ...options });
export const TextListField = (options: FieldOptions = {}) => ApiProperty({ type: 'array', items: { type: 'string' }, ...options });
export const IdListField = (options: FieldOptions = {}) => ApiProperty({ type: 'array', items: { type: 'string', format: 'uuid' }, ...options });
/** A list of objects; the item class is declared above the class that uses it. */
export const ListField = (item: Type<unknown>, options: FieldOptions = {}) => ApiProperty({ type: item, isArray: true, ...options });

/**
 * A nested object, of a class declared above the class that uses it. Nullable ones are written `allOf` with a `type` beside `nullable`, the form
 * OpenAPI 3.0 needs (a `$ref` takes no siblings); the class must then be reachable through
 * @ApiExtraModels or another property.
 */
export function ObjectField(cls: Type<unknown>, options: FieldOptions = {}) {
  if (!options.nullable) return ApiProperty({ type: cls, ...options });
  const { nullable: _nullable, ...rest } = options;
  // The typings allow `type: 'object'` only with properties of its own, which would break the $ref.
  return ApiProperty({ type: 'object', nullable: true, allOf: [{ $ref: getSchemaPath(cls) }], ...rest } as ApiPropertyOptions);
}

/**
 * One of several shapes told apart by `kind` (a discriminated union in libs/domain), each its
 * own class; the classes must be reachable through @ApiExtraModels on the class that uses it.
 */
export function UnionField(kinds: Record<string, Type<unknown>>, options: FieldOptions & { discriminator?: string } = {}) {
  const { nullable, discriminator = 'kind', ...rest } = options;
  return ApiProperty({
    ...(nullable ? { type: 'object', nullable: true } : {}),
    oneOf: Object.values(kinds).map((cls) => ({ $ref: getSchemaPath(cls) })),
    discriminator: { propertyName: discriminator, mapping: Object.fromEntries(Object.entries(kinds).map(([kind, cls]) => [kind, getSchemaPath(cls)])) },
    ...rest,
  } as ApiPropertyOptions);
}

/** `{ name: 'text or number' }`: the parameters of a problem or a refusal reason; absent when there are none. */
export const ParamsField = (options: Omit<FieldOptions, 'nullable'> = {}) =>
  ApiPropertyOptional({ type: 'object', additionalProperties: { oneOf: [{ type: 'string' }, { type: 'number' }] }, ...options });
