/** The part of OpenAPI 3.0 Schema that the API's document uses. */
export interface OpenApiSchema {
  $ref?: string;
  type?: string;
  format?: string;
  nullable?: boolean;
  enum?: unknown[];
  properties?: Record<string, OpenApiSchema>;
  required?: string[];
  additionalProperties?: boolean | OpenApiSchema;
  items?: OpenApiSchema;
  allOf?: OpenApiSchema[];
  oneOf?: OpenApiSchema[];
  anyOf?: OpenApiSchema[];
  minimum?: number;
  maximum?: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Where `value` does not fit `schema` (resolved in `schemas`), one line each, empty when it
 * fits. Stricter than JSON Schema on purpose: a property the schema does not declare is a
 * problem too, so an answer cannot carry a field the document keeps quiet about.
 */
export function schemaProblems(schemas: Record<string, OpenApiSchema>, schema: OpenApiSchema, value: unknown, at = '$'): string[] {
  const resolve = (s: OpenApiSchema): OpenApiSchema => (s.$ref ? resolve(schemas[s.$ref.replace('#/components/schemas/', '')] ?? {}) : s);
  const own = resolve(schema);
  const alternatives = [...(own.oneOf ?? []), ...(own.anyOf ?? [])].map(resolve);

  if (value === null) return own.nullable || alternatives.some((s) => s.nullable) ? [] : [`${at}: null, but not nullable`];
  if (own.enum && !own.enum.includes(value)) return [`${at}: ${JSON.stringify(value)} is not one of ${own.enum.join(', ')}`];

  const problems: string[] = [];
  if (own.oneOf || own.anyOf) {
    const fitting = alternatives.filter((s) => schemaProblems(schemas, s, value, at).length === 0);
    if (fitting.length === 0) problems.push(`${at}: fits none of its ${own.oneOf ? 'oneOf' : 'anyOf'}`);
    if (own.oneOf && fitting.length > 1) problems.push(`${at}: fits ${fitting.length} of its oneOf`);
    return problems;
  }
  // allOf with a single $ref: how a described or nullable nested object is written.
  if (own.allOf) return own.allOf.flatMap((s) => schemaProblems(schemas, s, value, at));

  switch (own.type) {
    case 'object': {
      if (typeof value !== 'object' || Array.isArray(value)) return [`${at}: not an object`];
      const record = value as Record<string, unknown>;
      for (const name of own.required ?? []) if (!(name in record)) problems.push(`${at}.${name}: required, missing`);
      for (const [name, field] of Object.entries(record)) {
        const declared = own.properties?.[name];
        if (declared) problems.push(...schemaProblems(schemas, declared, field, `${at}.${name}`));
        else if (typeof own.additionalProperties === 'object') problems.push(...schemaProblems(schemas, own.additionalProperties, field, `${at}.${name}`));
        else if (own.additionalProperties !== true) problems.push(`${at}.${name}: not declared in the schema`);
      }
      return problems;
    }
    case 'array':
      if (!Array.isArray(value)) return [`${at}: not an array`];
      return own.items ? value.flatMap((item, index) => schemaProblems(schemas, own.items!, item, `${at}[${index}]`)) : [];
    case 'string':
      if (typeof value !== 'string') return [`${at}: not a string`];
      if (own.format === 'uuid' && !UUID.test(value)) return [`${at}: not a UUID`];
      if (own.format === 'date' && !DAY.test(value)) return [`${at}: not a day (YYYY-MM-DD)`];
      if (own.format === 'date-time' && !INSTANT.test(value)) return [`${at}: not an instant`];
      return [];
    case 'integer':
    case 'number':
      if (typeof value !== 'number' || (own.type === 'integer' && !Number.isInteger(value))) return [`${at}: not ${own.type === 'integer' ? 'an integer' : 'a number'}`];
      if (own.minimum !== undefined && value < own.minimum) return [`${at}: ${value} below ${own.minimum}`];
      if (own.maximum !== undefined && value > own.maximum) return [`${at}: ${value} above ${own.maximum}`];
      return [];
    case 'boolean':
      return typeof value === 'boolean' ? [] : [`${at}: not a boolean`];
    default:
      return [`${at}: a schema without a type the check knows (${JSON.stringify(own).slice(0, 80)})`];
  }
}
