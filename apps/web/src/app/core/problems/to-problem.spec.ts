import { HttpErrorResponse } from '@angular/common/http';

import { ProblemError } from './problem-error';
import { NETWORK_FAILURE_MESSAGE, problemMessage, toProblem } from './to-problem';

describe('toProblem', () => {
  const sut = toProblem;

  it('returns the problem details the server sent, with their field errors', () => {
    const body = {
      type: 'https://relief-ledger.org/problems/validation',
      title: 'Invalid camp',
      status: 400,
      errors: [{ field: 'population', reason: 'population must not be negative' }],
    };

    const problem = sut(new HttpErrorResponse({ status: 400, error: body }));

    expect(problem).toEqual(body);
  });

  it('drops field errors that are not a field and a reason', () => {
    const body = { type: 'about:blank', title: 'Invalid camp', status: 400, errors: [{ field: 'nameEn' }, 'oops'] };

    const problem = sut(new HttpErrorResponse({ status: 400, error: body }));

    expect(problem.errors).toEqual([]);
  });

  it('says plainly that the server could not be reached when no answer came back', () => {
    const problem = sut(new HttpErrorResponse({ status: 0, error: new ProgressEvent('error') }));

    expect(problem.title).toBe(NETWORK_FAILURE_MESSAGE);
  });

  it('treats a gateway timeout without problem details as no connection', () => {
    const problem = sut(new HttpErrorResponse({ status: 504, statusText: 'Gateway Timeout', error: '<html>…</html>' }));

    expect(problem.title).toBe(NETWORK_FAILURE_MESSAGE);
  });

  it('names the HTTP status when the answer carries no problem details', () => {
    const problem = sut(new HttpErrorResponse({ status: 500, statusText: 'Internal Server Error', error: '<html>…</html>' }));

    expect(problem).toMatchObject({ status: 500, title: expect.stringContaining('HTTP 500 Internal Server Error') });
  });

  it('passes through the problem of a ProblemError', () => {
    const original = { type: 'about:blank', title: 'Camp not found', status: 404 };

    expect(sut(new ProblemError(original))).toBe(original);
  });

  it('turns an error that is not HTTP into a problem that asks to reload', () => {
    expect(sut(new TypeError('x is undefined')).title).toContain('reload the page');
  });
});

describe('problemMessage', () => {
  const sut = problemMessage;

  it('prefers the detail to the title', () => {
    expect(sut({ type: 'about:blank', title: 'Conflict', status: 409, detail: 'Version 3 is not the latest' })).toBe(
      'Version 3 is not the latest',
    );
  });

  it('falls back to the title', () => {
    expect(sut({ type: 'about:blank', title: 'Conflict', status: 409 })).toBe('Conflict');
  });
});
