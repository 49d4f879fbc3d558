/** One invalid input field and why, in words a coordinator can act on. */
export interface FieldError {
  field: string;
  reason: string;
}

/** RFC 9457 problem details, as every error of the API is sent (`application/problem+json`). */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  /** Machine-readable code of the feature exception, e.g. `camp.not_found`. */
  code?: string;
  errors?: FieldError[];
}
