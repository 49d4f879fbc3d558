import type { ProblemParams } from './problem-codes';

/** One invalid input field and why, in words a coordinator can act on, and as a code to translate. */
export interface FieldError {
  field: string;
  /** English. */
  reason: string;
  /** A code of PROBLEM_TEXT (`field.max_length`), with its parameters; absent only for reasons no code covers. */
  code?: string;
  params?: ProblemParams;
}

/** RFC 9457 problem details, as every error of the API is sent (`application/problem+json`). */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  /** Machine-readable code of the feature exception, e.g. `camp.not_found` (see PROBLEM_TEXT). */
  code?: string;
  /** The numbers and names in the detail, for a translated message: `{ available: 40, requested: 60 }`. */
  params?: ProblemParams;
  errors?: FieldError[];
}
