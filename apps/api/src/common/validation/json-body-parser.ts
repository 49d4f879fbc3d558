import type { FastifyInstance } from 'fastify';

/** Far deeper than any request of this API; deep enough nesting would overflow the validator's stack. */
export const MAX_JSON_DEPTH = 32;

function tooDeep(value: unknown, limit: number): boolean {
  // Iterative: a recursive walk would itself overflow on the inputs it is meant to refuse.
  const stack: Array<[unknown, number]> = [[value, 1]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    if (depth > limit) return true;
    for (const child of Object.values(node)) stack.push([child, depth + 1]);
  }
  return false;
}

function badRequest(message: string): Error {
  return Object.assign(new Error(message), { statusCode: 400, code: 'validation.body' });
}

/**
 * The body parsers: JSON for every route, and CSV handed to the route as a stream (the bulk
 * import reads it row by row and enforces its own size limit). JSON, with Fastify's protection against prototype poisoning, and a
 * nesting limit. Anything else (forms, text) is 415, so a cross-site form cannot post here.
 */
export function useJsonBodyParserOnly(fastify: FastifyInstance): void {
  fastify.removeAllContentTypeParsers();
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    parseJson(request, body as string, (error: Error | null, parsed?: unknown) => {
      if (error) return done(error, undefined);
      if (tooDeep(parsed, MAX_JSON_DEPTH)) return done(badRequest(`JSON nested deeper than ${MAX_JSON_DEPTH} levels`), undefined);
      done(null, parsed);
    });
  });
  fastify.addContentTypeParser('text/csv', (_request, payload, done) => done(null, payload));
}
