import { fieldProblem, type ProblemCode, type ProblemParams } from '@relief-ledger/domain';
import { AppException } from '../common/problem/app-exception.js';

export class ConvoysException extends AppException {
  static notFound(id: string): ConvoysException {
    return new ConvoysException(404, 'convoy.not_found', 'Convoy not found', undefined, undefined, { id });
  }

  static staleVersion(sent: number, current: number): ConvoysException {
    return new ConvoysException(409, 'convoy.stale_version', 'Convoy changed meanwhile', undefined, undefined, { sent, current });
  }

  /** The transition table's refusal: its code and statuses travel as they are, for the reader's language. */
  static illegalTransition(refusal: { reason: string; code: ProblemCode; params: ProblemParams }): ConvoysException {
    return new ConvoysException(409, 'convoy.illegal_transition', 'Status change not allowed', refusal.reason, [{ field: 'status', ...refusal }], refusal.params);
  }

  static notOnTheRoad(status: string): ConvoysException {
    return new ConvoysException(409, 'convoy.not_on_the_road', 'Not on the road', undefined, undefined, { status });
  }

  static unknown(field: string, what: string): ConvoysException {
    return new ConvoysException(422, 'convoy.unknown_reference', `Unknown ${what}`, undefined, [fieldProblem(field, 'field.no_such', { what })], { what });
  }

  /** A field the convoy cannot take as given: the field's own code and parameters. */
  static invalid(field: string, code: ProblemCode, params?: ProblemParams): ConvoysException {
    const error = fieldProblem(field, code, params);
    return new ConvoysException(422, 'convoy.invalid', 'Invalid convoy', error.reason, [error]);
  }
}
