/** The part of JSON Schema (as @nestjs/swagger writes it) the fuzz builds bodies and queries from. */
export interface JsonSchema {
  type?: string;
  format?: string;
  enum?: unknown[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  nullable?: boolean;
  $ref?: string;
  allOf?: JsonSchema[];
}

export interface OperationParameter {
  name: string;
  in: 'query' | 'path' | 'header' | 'cookie';
  schema?: JsonSchema;
}

/** One method on one path of the OpenAPI document, schemas resolved (no `$ref` left). */
export interface Operation {
  method: string;
  /** The path template, `{id}` and all. */
  path: string;
  /** `POST /api/v1/camps`: how the operation is named in reports. */
  label: string;
  parameters: OperationParameter[];
  /** The JSON request body, when the operation declares one. */
  body?: JsonSchema;
}

interface OpenApiOperation {
  parameters?: OperationParameter[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

/** Every operation of the document, in its order, with `$ref` and single-`allOf` schemas inlined. */
export function operationsOf(document: OpenApiDocument): Operation[] {
  const schemas = document.components?.schemas ?? {};
  const resolve = (schema: JsonSchema | undefined, depth = 0): JsonSchema | undefined => {
    if (!schema || depth > 10) return schema;
    if (schema.$ref) return resolve(schemas[schema.$ref.replace('#/components/schemas/', '')], depth + 1);
    // `allOf: [{ $ref }]` is how the generator attaches a description to a nested object.
    if (schema.allOf?.length === 1) return resolve({ ...schema.allOf[0], ...schema, allOf: undefined }, depth + 1);
    return {
      ...schema,
      items: resolve(schema.items, depth + 1),
      properties: schema.properties && Object.fromEntries(Object.entries(schema.properties).map(([name, property]) => [name, resolve(property, depth + 1) ?? {}])),
    };
  };
  return Object.entries(document.paths).flatMap(([path, operations]) =>
    Object.entries(operations).map(([method, operation]) => ({
      method: method.toUpperCase(),
      path,
      label: `${method.toUpperCase()} ${path}`,
      parameters: (operation.parameters ?? []).map((parameter) => ({ ...parameter, schema: resolve(parameter.schema) })),
      body: resolve(operation.requestBody?.content?.['application/json']?.schema),
    })),
  );
}
