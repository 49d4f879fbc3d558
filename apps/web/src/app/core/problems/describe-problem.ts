import { FieldError, Problem, ProblemParams } from '@relief-ledger/domain';

import { LocalWords } from '../i18n/local-words';

/**
 * Problems whose own code says only "not allowed" or "not usable" while their first field error
 * carries the precise reason (the transition table's, the wall-clock rule's): that reason is the message.
 */
const REASON_IN_FIRST_ERROR: readonly string[] = ['convoy.illegal_transition', 'convoy.invalid', 'pause_window.time'];

/** Parameters that hold a status code, by the codes they come with: their words come from `status.<kind>.<code>`. */
function statusKind(code: string): string | undefined {
  if (code.startsWith('convoy.')) return 'convoy';
  if (code === 'camp.illegal_status' || code === 'field.status_from_to') return 'camp';
  return undefined;
}

const STATUS_PARAMS: readonly string[] = ['from', 'to', 'status'];
/** Parameters holding an English word or two of the API's (`what: 'stock point'`), translated under `problem.param.<name>.`. */
const WORD_PARAMS: readonly string[] = ['what', 'why', 'field'];

/** A parameter's value in the reader's language where it is a code the translations know; else as sent. */
function translateParams(code: string, params: ProblemParams, words: LocalWords): ProblemParams {
  const kind = statusKind(code);
  const translated: ProblemParams = {};
  for (const [name, value] of Object.entries(params)) {
    let key: string | undefined;
    if (kind && STATUS_PARAMS.includes(name)) key = `status.${kind}.${value}`;
    else if (WORD_PARAMS.includes(name)) key = `problem.param.${name}.${String(value).replace(/\s+/g, '_')}`;
    const text = key ? words.t(key) : undefined;
    translated[name] = text !== undefined && text !== key ? text : value;
  }
  return translated;
}

/**
 * The translation of a problem or field code, or undefined for a code this app does not know, or
 * whose parameters did not all come (an older server): the server's own words say more then.
 */
function translateCode(code: string | undefined, params: ProblemParams | undefined, words: LocalWords): string | undefined {
  if (!code) return undefined;
  const key = `problem.${code}`;
  const text = words.t(key, translateParams(code, params ?? {}, words));
  return text === key || /\{\w+\}/.test(text) ? undefined : text;
}

/**
 * The sentence to show for a problem, in the reader's language: the translation of its `code`
 * with its parameters (numbers in the reader's digits), or the server's English `detail` (or
 * `title`) for a code this app does not know yet.
 */
export function describeProblem(problem: Problem, words: LocalWords): string {
  const first = problem.errors?.[0];
  if (problem.code && REASON_IN_FIRST_ERROR.includes(problem.code) && first?.code) {
    const reason = translateCode(first.code, first.params, words);
    if (reason) return reason;
  }
  return translateCode(problem.code, problem.params, words) ?? problem.detail ?? problem.title;
}

/** Why a field was refused ("must be at most 200 characters"), in the reader's language; the server's reason for an unknown code. */
export function describeFieldError(error: FieldError, words: LocalWords): string {
  return translateCode(error.code, error.params, words) ?? error.reason;
}
