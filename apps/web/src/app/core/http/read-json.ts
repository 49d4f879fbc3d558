import { Page } from '@relief-ledger/domain';

import { ProblemError } from '../problems/problem-error';
import { BROWSER_PROBLEM_CODES } from '../problems/to-problem';

/**
 * Small checks on what the API sends back. They do not re-validate every field (the API and the
 * contract types in libs/domain do that); they stop a wrong answer, such as an HTML error page from
 * a proxy or a changed shape, from surfacing later as a blank screen or a crash far from the cause.
 */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function hasStrings(value: Record<string, unknown>, keys: readonly string[]): boolean {
  return keys.every((key) => typeof value[key] === 'string');
}

export function hasNumbers(value: Record<string, unknown>, keys: readonly string[]): boolean {
  return keys.every((key) => typeof value[key] === 'number');
}

export function unexpectedAnswer(what: string): ProblemError {
  return new ProblemError({
    type: 'urn:relief-ledger:problem:unexpected-answer',
    title: `The server sent ${what} this app does not understand; reload the page, and report it if it happens again`,
    status: 0,
    code: BROWSER_PROBLEM_CODES.unexpectedAnswer,
  });
}

/** Checks a list answer and each item in it; throws `ProblemError` when either is not as agreed. */
export function readPageOrThrow<T>(body: unknown, readItemOrThrow: (item: unknown) => T): Page<T> {
  if (!isRecord(body) || !Array.isArray(body['items']) || !hasNumbers(body, ['page', 'pageSize', 'total'])) {
    throw unexpectedAnswer('a list');
  }
  return {
    items: body['items'].map(readItemOrThrow),
    page: body['page'] as number,
    pageSize: body['pageSize'] as number,
    total: body['total'] as number,
  };
}
