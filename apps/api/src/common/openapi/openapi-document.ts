import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, getSchemaPath, SwaggerModule, type OpenAPIObject, type ReferenceObject, type SchemaObject } from '@nestjs/swagger';
import { SESSION_COOKIE } from '../../auth/session-cookie.js';
import { ProblemDto } from './problem.schema.js';

/** Names of the two ways in, as the document's `securitySchemes` call them. */
export const SECURITY_SCHEMES = { session: 'session', token: 'token' } as const;

const TAGS: Array<[name: string, description: string]> = [
  ['auth', 'Sign in and out, the session, your password and preferences. Scripts use a personal API token instead (see api-tokens).'],
  ['users', "The users of your organisation: admins create them, change their role and disable them."],
  ['api-tokens', 'Personal API tokens for scripts: `Authorization: Bearer rl_…`, acting as their creator with their role. Shown once, at creation.'],
  ['audit', "Your organisation's audit trail: every write, sign-in and sign-out, and reads of sensitive records."],
  ['organisations', 'The organisations using this server, by name (shared).'],
  ['locations', 'The OCHA location hierarchy: P-codes, English and Arabic names, time zones (shared).'],
  ['camps', "Your organisation's camps, their figures and coverage against the Sphere references."],
  ['stock', 'The item catalogue (shared), your stock points and their append-only ledger: receipts, transfers, losses, counts, reversals.'],
  ['distributions', 'Distributions at camps and elsewhere, drawn from stock; a re-sent one is recorded once. Bulk entry from CSV.'],
  ['convoys', 'Routes (shared), convoys with their cargo, status changes and check-ins from the road.'],
  ['pause windows', 'Announced pause windows, entered as announced in local wall-clock time (shared).'],
  ['incidents', 'Incidents reported by every organisation; one that breaks a pause window marks it violated (shared).'],
  ['live', 'The live board: Server-Sent Events of convoy status changes, check-ins, incidents and pause windows.'],
  ['overview', 'What needs you now: windows, convoys, camps, stock alerts, incidents, people reached.'],
  ['reports', 'Reports for donors and the OCHA cluster: a JSON page, or all of it as CSV or XLSX.'],
  ['health', 'For load balancers: the API and its database are up.'],
];

/** `CampsController.update` → `camps_update`: names a generated client can use as method names. */
function operationId(controllerKey: string, methodKey: string): string {
  const feature = controllerKey.replace(/Controller$/, '');
  return `${feature.charAt(0).toLowerCase()}${feature.slice(1)}_${methodKey}`;
}

/**
 * The OpenAPI document of the whole API, served at /api/docs.json and linted with Redocly's
 * recommended rules in `npm test` (apps/api/test/openapi.spec.ts). Every operation needs a
 * session cookie or an API token unless marked @Public; every error is problem+json.
 */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const builder = new DocumentBuilder()
    .setTitle('Relief Ledger API')
    .setDescription(
      [
        'Stock, distributions, camps, convoys and pause windows for humanitarian agencies.',
        '',
        `**Signing in.** Browsers sign in with \`POST /api/v1/auth/sign-in\` and then send the \`${SESSION_COOKIE}\` cookie it sets. Scripts send a personal API token, \`Authorization: Bearer rl_…\` (an admin or manager creates one with \`POST /api/v1/api-tokens\`). Every operation needs one or the other, except sign-in and health.`,
        '',
        '**Errors** are `application/problem+json` (RFC 9457) with a `code` to branch on, its `params`, and `errors[]` naming each refused field with its own `code`. Each operation lists the 4xx it can answer and their codes; any other status (413, 415, 429, 5xx) is the `default` answer, in the same form.',
        '',
        '**Writes from phones** that carry a client id (body `clientId`, or an `Idempotency-Key` header where the operation lists one) can be re-sent safely: a re-send answers the first result again, with `Idempotent-Replayed: true`.',
      ].join('\n'),
    )
    .setVersion('1')
    .setLicense('AGPL-3.0-or-later', 'https://www.gnu.org/licenses/agpl-3.0.html')
    // The document is served by the API itself: relative to wherever it was fetched from.
    .addServer('/', 'This server')
    .addSecurity(SECURITY_SCHEMES.session, {
      type: 'apiKey',
      in: 'cookie',
      name: SESSION_COOKIE,
      description: 'The session a browser gets from sign-in: an HttpOnly, SameSite=Strict cookie.',
    })
    .addSecurity(SECURITY_SCHEMES.token, {
      type: 'http',
      scheme: 'bearer',
      bearerFormat: 'rl_…',
      description: 'A personal API token (`rl_…`), acting as the user who created it, with their role.',
    })
    // Either one: two requirement objects, not one object with both.
    .addSecurityRequirements(SECURITY_SCHEMES.session)
    .addSecurityRequirements(SECURITY_SCHEMES.token);
  for (const [name, description] of TAGS) builder.addTag(name, description);

  const document = SwaggerModule.createDocument(app, builder.build(), { extraModels: [ProblemDto], operationIdFactory: operationId });
  addDefaultProblem(document);
  typeNullableCompositions(document);
  return document;
}

/**
 * A nullable nested object is `{ type: 'object', nullable: true, allOf: [{ $ref }] }` in OpenAPI
 * 3.0 (`nullable` means nothing without a `type`), but the generator drops any `type` written
 * beside `allOf` or `oneOf` (ObjectField, UnionField): put it back.
 */
function typeNullableCompositions(document: OpenAPIObject): void {
  for (const schema of Object.values(document.components?.schemas ?? {})) {
    for (const property of Object.values((schema as SchemaObject).properties ?? {}) as Array<SchemaObject | ReferenceObject>) {
      if ('$ref' in property || !property.nullable || property.type) continue;
      if (property.allOf || property.oneOf || property.anyOf) property.type = 'object';
    }
  }
}

/** Every operation's `default` answer: whatever it does not list is still a problem+json. */
function addDefaultProblem(document: OpenAPIObject): void {
  document.components ??= {};
  document.components.responses = {
    ...document.components.responses,
    Problem: {
      description: 'Any other error, in the same form: 413 (body too large), 415 (wrong content type), 429 (too many requests; see Retry-After), 500, 503 (database unreachable or busy, or the request took too long; nothing was saved)',
      content: { 'application/problem+json': { schema: { $ref: getSchemaPath(ProblemDto) } } },
    },
  };
  for (const operations of Object.values(document.paths)) {
    for (const method of ['get', 'put', 'post', 'delete', 'patch'] as const) {
      const operation = operations[method];
      if (operation) operation.responses = { ...operation.responses, default: { $ref: '#/components/responses/Problem' } };
    }
  }
}
