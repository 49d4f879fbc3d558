import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus } from '@nestjs/common';
import { fieldProblem, problemText, type Problem, type ProblemCode, type ProblemParams } from '@relief-ledger/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { QueryFailedError } from 'typeorm';
import { AppException } from './app-exception.js';
import { describeConstraint } from './constraint-words.js';

const TITLES: Record<number, string> = {
  400: 'Bad request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
  409: 'Conflict',
  413: 'Request body too large',
  415: 'Unsupported media type',
  422: 'Unprocessable content',
  428: 'Precondition required',
  429: 'Too many requests',
  500: 'Internal server error',
  503: 'Service unavailable',
};

/** Fastify's own errors (raised before a route runs) carry a code and a status. */
interface FastifyError extends Error {
  code?: string;
  statusCode?: number;
}

/** Converts anything thrown into RFC 9457 problem details. The one place errors become HTTP. */
export function toProblem(error: unknown, instance: string): Problem {
  if (error instanceof AppException) {
    return problem(error.status, instance, { code: error.code, title: error.title, detail: error.detail, errors: error.errors, params: error.params });
  }
  if (error instanceof HttpException) {
    // Nest's own: a route that does not exist (404), mostly.
    const status = error.getStatus();
    const response = error.getResponse();
    const message = typeof response === 'object' && response !== null && 'message' in response ? response.message : response;
    return problem(status, instance, { code: status === 404 ? 'request.not_found' : 'request.malformed', detail: Array.isArray(message) ? message.join('; ') : String(message) });
  }
  if (error instanceof QueryFailedError) {
    const driverError = error.driverError as { code?: string; constraint?: string; detail?: string; column?: string };
    // The services check these first; the database is the last line and still answers in 4xx, in words.
    switch (driverError.code) {
      case '23505':
      case '23503':
      case '23514': {
        const { field, detail } = describeConstraint(driverError.code, driverError.constraint, driverError.detail);
        const status = driverError.code === '23505' ? 409 : 422;
        const code = ({ '23505': 'conflict.duplicate', '23503': 'conflict.reference', '23514': 'validation.constraint' } as const)[driverError.code];
        return problem(status, instance, { code, detail, errors: field ? [{ field, reason: detail, code }] : undefined });
      }
      case '23502': {
        const field = driverError.column?.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());
        const detail = field ? `${field} must have a value` : 'A required value is missing';
        return problem(400, instance, { code: 'validation.required', detail, params: field ? { field } : undefined, errors: field ? [fieldProblem(field, 'field.has_value')] : undefined });
      }
      case '22021':
      case '22P05':
      case '22P02':
      case '22003':
      case '22007':
      case '22008':
      case '22001':
      case '22023':
        return problem(400, instance, { code: 'validation.value', detail: 'A value has the wrong form or is out of range' });
      case '57014':
        // statement_timeout: the request ran out of time; nothing it did was kept.
        return problem(503, instance, { code: 'request.timeout', detail: 'This took too long and was stopped; nothing was saved. Try again, or narrow it down.' });
      case '40001':
      case '40P01':
        return problem(503, instance, { code: 'database.busy', detail: 'Another change got in the way; nothing was saved. Try again.' });
    }
  }
  if (isDatabaseUnavailable(error)) {
    return problem(503, instance, { code: 'database.unavailable', detail: 'The database is not reachable right now; nothing was saved. Try again in a moment.' });
  }
  const fastifyError = error as FastifyError;
  if (fastifyError?.code === 'FST_ERR_HANDLER_TIMEOUT') {
    return problem(503, instance, { code: 'request.timeout', detail: 'This took too long and was stopped. Try again in a moment.' });
  }
  if (typeof fastifyError?.statusCode === 'number' && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
    const code = frameworkCode(fastifyError);
    const params = code === 'rate_limited' ? retryParams(fastifyError) : code === 'validation.content_type' ? { expected: 'application/json' } : undefined;
    return problem(fastifyError.statusCode, instance, { code, detail: fastifyError.message, params });
  }
  return problem(500, instance, { code: 'server.error', detail: problemText('server.error') });
}

/** Fastify's and the parsers' refusals, by their own codes, as codes of PROBLEM_TEXT. */
function frameworkCode(error: FastifyError): ProblemCode {
  if (error.code === 'rate_limited' || error.statusCode === 429) return 'rate_limited';
  if (error.code === 'validation.body' || error.code === 'validation.content_type') return error.code;
  if (error.statusCode === 413 || error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return 'request.too_large';
  if (error.statusCode === 415 || error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return 'validation.content_type';
  if (error.code?.startsWith('FST_ERR_CTP_') || error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') return 'validation.body';
  if (error.statusCode === 404) return 'request.not_found';
  return 'request.malformed';
}

function retryParams(error: FastifyError): ProblemParams | undefined {
  const seconds = /in (\d+) s/.exec(error.message)?.[1];
  return seconds ? { seconds: Number(seconds) } : undefined;
}

/** Connection refused or lost, server shutting down: a passing outage, not a bug. */
function isDatabaseUnavailable(error: unknown): boolean {
  const code = (error as { code?: string; driverError?: { code?: string } })?.driverError?.code ?? (error as { code?: string })?.code;
  const message = error instanceof Error ? error.message : '';
  return (
    ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', '57P01', '57P02', '57P03', '53300'].includes(code ?? '') ||
    (code ?? '').startsWith('08') ||
    /Connection terminated|connection timeout/i.test(message)
  );
}

/** What a 500 may log: kind and codes, never the query or its parameters (they hold people's data). */
function safeErrorFields(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { value: typeof error };
  const driverError = (error as { driverError?: { code?: string; constraint?: string } }).driverError;
  return { type: error.name, message: error instanceof QueryFailedError ? undefined : error.message, code: driverError?.code, constraint: driverError?.constraint, stack: error.stack?.split('\n').slice(1, 6).join('\n') };
}

function problem(status: number, instance: string, fields: Partial<Problem>): Problem {
  const result: Problem = {
    type: 'about:blank',
    title: fields.title ?? TITLES[status] ?? HttpStatus[status] ?? 'Error',
    status,
    instance,
  };
  if (fields.code) result.code = fields.code;
  if (fields.params) result.params = fields.params;
  if (fields.detail) result.detail = fields.detail;
  if (fields.errors) result.errors = fields.errors;
  return result;
}

export function sendProblem(reply: FastifyReply, body: Problem): void {
  void reply.status(body.status).header('content-type', 'application/problem+json; charset=utf-8').send(body);
}

@Catch()
export class ProblemExceptionFilter implements ExceptionFilter {
  constructor(private readonly notFoundFallback?: (request: FastifyRequest, reply: FastifyReply) => boolean) {}

  catch(error: unknown, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<FastifyRequest>();
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const body = toProblem(error, request.url.split('?')[0]);
    if (body.status === 404 && this.notFoundFallback?.(request, reply)) return;
    if (body.status >= 500) request.log.error({ err: safeErrorFields(error) }, 'request failed');
    if (error instanceof AppException && error.retryAfterSeconds) void reply.header('retry-after', String(error.retryAfterSeconds));
    sendProblem(reply, body);
  }
}
