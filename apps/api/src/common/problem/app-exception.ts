import { problemText, type FieldError, type ProblemCode, type ProblemParams } from '@relief-ledger/domain';

/**
 * Base of every feature's exception. A feature subclasses it once (CampsException, …) with
 * codes from PROBLEM_TEXT and their parameters (the web app words them in the reader's language);
 * the global filter turns it into problem+json. `detail` is the English, by default the code's text.
 */
export class AppException extends Error {
  /** Sent as Retry-After with 429 and 503 answers. */
  retryAfterSeconds?: number;
  readonly detail: string;

  constructor(
    readonly status: number,
    readonly code: ProblemCode,
    readonly title: string,
    detail?: string,
    readonly errors?: FieldError[],
    readonly params?: ProblemParams,
  ) {
    const words = detail ?? problemText(code, params);
    super(words);
    this.detail = words;
  }
}

/** Input that is well-formed but not acceptable; one entry per field. */
export class ValidationException extends AppException {
  constructor(errors: FieldError[], status = 400) {
    super(status, 'validation_failed', 'Invalid request', errors.map((e) => `${e.field}: ${e.reason}`).join('; '), errors);
  }
}
