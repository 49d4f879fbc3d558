import type { FieldError } from '@relief-ledger/domain';

/**
 * Base of every feature's exception. A feature subclasses it once (CampsException, …) with
 * string codes; the global filter turns it into problem+json.
 */
export class AppException extends Error {
  /** Sent as Retry-After with 429 and 503 answers. */
  retryAfterSeconds?: number;

  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    readonly detail?: string,
    readonly errors?: FieldError[],
  ) {
    super(detail ?? title);
  }
}

/** Input that is well-formed but not acceptable; one entry per field. */
export class ValidationException extends AppException {
  constructor(errors: FieldError[], status = 400) {
    super(status, 'validation_failed', 'Invalid request', errors.map((e) => `${e.field}: ${e.reason}`).join('; '), errors);
  }
}
