import { HttpErrorResponse } from '@angular/common/http';
import { FieldError, Problem } from '@relief-ledger/domain';
import { Observable, throwError } from 'rxjs';

import { ProblemError } from './problem-error';

export const NETWORK_FAILURE_MESSAGE = 'Could not reach the server — check your connection and try again';

/**
 * Codes of the problems made up in the browser, translated as `problem.<code>` like the server's;
 * the English titles stay as the words to fall back on.
 */
export const BROWSER_PROBLEM_CODES = {
  network: 'app.network',
  app: 'app.error',
  http: 'app.http_status',
  unexpectedAnswer: 'app.unexpected_answer',
} as const;

/** Status of problems made up in the browser, when no answer from the API came back. */
export const NO_RESPONSE_STATUS = 0;

/** `type` of the problems made up in the browser (RFC 9457 allows any URI; these are ours). */
export const NETWORK_PROBLEM_TYPE = 'urn:relief-ledger:problem:network';
export const APP_PROBLEM_TYPE = 'urn:relief-ledger:problem:app';

// A proxy or load balancer answers these itself when the API behind it is down or out of reach;
// to the person in the field that is the same as no connection.
const GATEWAY_STATUSES: readonly number[] = [502, 503, 504];

/** Turns whatever an HTTP call failed with into problem details a screen can show. */
export function toProblem(error: unknown): Problem {
  if (error instanceof ProblemError) return error.problem;
  if (!(error instanceof HttpErrorResponse)) {
    return {
      type: APP_PROBLEM_TYPE,
      title: 'Something went wrong in the app; reload the page and try again',
      status: NO_RESPONSE_STATUS,
      code: BROWSER_PROBLEM_CODES.app,
    };
  }
  if (isProblem(error.error)) {
    return { ...error.error, errors: readFieldErrors(error.error.errors) };
  }
  if (error.status === NO_RESPONSE_STATUS || GATEWAY_STATUSES.includes(error.status)) {
    return { type: NETWORK_PROBLEM_TYPE, title: NETWORK_FAILURE_MESSAGE, status: error.status, code: BROWSER_PROBLEM_CODES.network };
  }
  return {
    type: 'about:blank',
    title: `The server could not do this (HTTP ${error.status}${error.statusText ? ` ${error.statusText}` : ''})`,
    status: error.status,
    code: BROWSER_PROBLEM_CODES.http,
    params: { status: error.status },
  };
}

/**
 * The server's English sentence for a problem as a whole.
 * @deprecated English only: show `ProblemMessages.message(problem)`, in the user's language (issue 11).
 */
export function problemMessage(problem: Problem): string {
  return problem.detail ?? problem.title;
}

function isProblem(body: unknown): body is Problem {
  return (
    typeof body === 'object' &&
    body !== null &&
    typeof (body as Partial<Problem>).title === 'string' &&
    typeof (body as Partial<Problem>).status === 'number'
  );
}

// Keeps only well-formed entries: a message under a field must never crash the form that shows it.
function readFieldErrors(errors: unknown): FieldError[] | undefined {
  if (!Array.isArray(errors)) return undefined;
  return errors.filter(
    (entry): entry is FieldError =>
      typeof entry === 'object' &&
      entry !== null &&
      typeof (entry as Partial<FieldError>).field === 'string' &&
      typeof (entry as Partial<FieldError>).reason === 'string',
  );
}

/** For `catchError` in the API services: every call fails with a `ProblemError`, whatever went wrong. */
export function rethrowAsProblem(error: unknown): Observable<never> {
  return throwError(() => new ProblemError(toProblem(error)));
}
