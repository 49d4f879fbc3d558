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

/** Route config (`@RouteConfig(CSV_BODY)`) of the one route that takes a CSV file as a stream. */
export const CSV_BODY = { csvBody: true } as const;

function csvNotHere(): Error {
  return Object.assign(new Error('Send the body as application/json: only the distribution import takes text/csv'), {
    statusCode: 415,
    code: 'validation.content_type',
  });
}

/**
 * The body parsers: JSON for every route, and CSV handed as a stream to the routes marked
 * CSV_BODY (the bulk import reads it row by row and enforces its own size limit). JSON, with
 * Fastify's protection against prototype poisoning, and a nesting limit. Anything else (forms,
 * text, CSV to a JSON route) is 415 before any validation, so a cross-site form cannot post here
 * and no route's validation ever sees a stream.
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
  fastify.addContentTypeParser('text/csv', (request, payload, done) => {
    const config = request.routeOptions.config as { csvBody?: boolean } | undefined;
    if (config?.csvBody) return done(null, payload);
    done(csvNotHere(), undefined);
  });
}
