import { fieldProblem } from '@relief-ledger/domain';
import { AppException } from '../common/problem/app-exception.js';

export class DistributionsException extends AppException {
  static placeRequired(): DistributionsException {
    return new DistributionsException(400, 'distribution.place_required', 'Where?', undefined, [fieldProblem('campId', 'field.place_required')]);
  }

  static unknown(field: string, what: string): DistributionsException {
    return new DistributionsException(422, 'distribution.unknown_reference', `Unknown ${what}`, undefined, [fieldProblem(field, 'field.no_such_here', { what })], { what });
  }

  static notFound(id: string): DistributionsException {
    return new DistributionsException(404, 'distribution.not_found', 'Distribution not found', undefined, undefined, { id });
  }
}
