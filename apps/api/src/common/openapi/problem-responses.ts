import { applyDecorators } from '@nestjs/common';
import { ApiExtension, ApiHeader, ApiResponse, DECORATORS, getSchemaPath } from '@nestjs/swagger';
import { IDEMPOTENCY_KEY_HEADER, IDEMPOTENCY_KEY_MAX_LENGTH, PERMISSIONS, PROBLEM_TEXT, ROLES, type Permission, type ProblemCode } from '@relief-ledger/domain';
import { ProblemDto } from './problem.schema.js';

/** The 4xx statuses an operation of this API can answer with a problem of its own. */
export type ProblemStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 428 | 429;

/** Per status, the codes (PROBLEM_TEXT in libs/domain) the operation can answer with. */
export type ProblemAnswers = Partial<Record<ProblemStatus, readonly ProblemCode[]>>;

const MEANING: Record<ProblemStatus, string> = {
  400: 'The request is not valid: a field of the body or the query, or a path parameter (`errors` names each one)',
  401: 'No session or API token, or it has ended',
  403: 'Your role does not allow this',
  404: 'Not found: there is none with this id, or it belongs to another organisation',
  409: 'In conflict with the current state of the record',
  413: 'The request body is too large',
  415: 'The body is not of the content type this operation takes',
  422: 'Understood, but cannot be done as asked (`errors` names the field where one is to blame)',
  428: 'The version you last read is required (body `version` or an If-Match header)',
  429: 'Too many requests: try again after the seconds in Retry-After',
};

/** The codes each status of an operation can carry so far, and notes (who may call it). */
type Collected = Map<ProblemStatus, { codes: Set<ProblemCode>; notes: string[] }>;
const COLLECTED = 'relief:problem-answers';

/** The English text of a code, its `{parameters}` left as placeholders. */
function describe(status: ProblemStatus, codes: Set<ProblemCode>, notes: string[]): string {
  const lines = [...codes].map((code) => `- \`${code}\`: ${PROBLEM_TEXT[code]}`);
  return [[MEANING[status], ...notes].join('. '), ...(lines.length ? ['', ...lines] : [])].join('\n');
}

/**
 * Adds the answers to those the operation already has, then writes the whole set of each
 * status touched as one OpenAPI response: the guard's 401 from @Requires and a 401 of the
 * operation's own (a wrong current password) end up listed together, in any decorator order.
 */
function addAnswers(answers: Array<{ status: ProblemStatus; codes: readonly ProblemCode[]; note?: string }>): MethodDecorator {
  return (target, key, descriptor) => {
    const handler = descriptor.value as object;
    const collected: Collected = Reflect.getMetadata(COLLECTED, handler) ?? new Map();
    for (const { status, codes, note } of answers) {
      const entry = collected.get(status) ?? { codes: new Set(), notes: [] };
      for (const code of codes) entry.codes.add(code);
      if (note) entry.notes.push(note);
      collected.set(status, entry);
    }
    Reflect.defineMetadata(COLLECTED, collected, handler);
    for (const { status } of answers) {
      const { codes, notes } = collected.get(status)!;
      ApiResponse({
        status,
        description: describe(status, codes, notes),
        content: { 'application/problem+json': { schema: { $ref: getSchemaPath(ProblemDto) } } },
        ...(status === 429 ? { headers: { 'Retry-After': { description: 'Seconds to wait before trying again', schema: { type: 'integer' } } } } : {}),
      })(target, key, descriptor);
    }
    return descriptor;
  };
}

/**
 * The 4xx answers of an operation, each as `application/problem+json` with the codes it can
 * carry, read off the service and its exceptions: `@ProblemResponses({ 404: ['camp.not_found'] })`.
 * 401 and 403 come from @Requires; 5xx, 413 and the like from the document's `default`.
 */
export function ProblemResponses(answers: ProblemAnswers): MethodDecorator {
  return addAnswers(Object.entries(answers).map(([status, codes]) => ({ status: Number(status) as ProblemStatus, codes: codes ?? [] })));
}

/**
 * What @Requires adds to the document: the roles that may call the operation (`x-roles`, for a
 * script to check before it tries), 401 always, and 403 when some role may not.
 */
export function guardedOperation(permission: Permission): MethodDecorator {
  const allowed: readonly string[] = PERMISSIONS[permission];
  const answers: Array<{ status: ProblemStatus; codes: readonly ProblemCode[]; note?: string }> = [{ status: 401, codes: ['auth.required'] }];
  if (allowed.length < ROLES.length) answers.push({ status: 403, codes: ['auth.forbidden'], note: `Allowed to: ${allowed.join(', ')}` });
  return applyDecorators(ApiExtension('x-roles', [...allowed]), addAnswers(answers));
}

/**
 * What @Public adds to the document: `security: []`, overriding the document's global
 * requirement of a session or token. Merged into the operation's other metadata by hand:
 * @ApiOperation would reset the summary of an @ApiOperation applied before it.
 */
export function publicOperation(): MethodDecorator {
  return (_target, _key, descriptor) => {
    const handler = descriptor.value as object;
    Reflect.defineMetadata(DECORATORS.API_OPERATION, { ...Reflect.getMetadata(DECORATORS.API_OPERATION, handler), security: [] }, handler);
    return descriptor;
  };
}

/**
 * A creating request under the one replay rule (common/replay): the optional Idempotency-Key
 * header (instead of body clientId), a 400 for a key too long, and the one 422 for a key used
 * for other content. The 2xx says `Idempotent-Replayed` (REPLAYED_HEADER).
 */
export function Replayable(): MethodDecorator {
  return applyDecorators(
    ApiHeader({ name: IDEMPOTENCY_KEY_HEADER, required: false, description: `Instead of body clientId, at most ${IDEMPOTENCY_KEY_MAX_LENGTH} characters: a re-send with the same key answers the first result again` }),
    ProblemResponses({ 400: ['validation_failed'], 422: ['idempotency.key_reused'] }),
  );
}
