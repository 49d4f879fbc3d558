import { fieldProblem } from '@relief-ledger/domain';
import { AppException } from '../common/problem/app-exception.js';

export class IncidentsException extends AppException {
  static notFound(id: string): IncidentsException {
    return new IncidentsException(404, 'incident.not_found', 'Incident not found', undefined, undefined, { id });
  }

  static unknown(field: string, what: string): IncidentsException {
    return new IncidentsException(422, 'incident.unknown_reference', `Unknown ${what}`, undefined, [fieldProblem(field, 'field.no_such', { what })], { what });
  }

  static nowhere(): IncidentsException {
    return new IncidentsException(422, 'incident.where_required', 'Where did it happen?', undefined, [fieldProblem('locationId', 'field.where_required')]);
  }

  static inTheFuture(field = 'occurredAt'): IncidentsException {
    return new IncidentsException(422, 'incident.in_the_future', 'Not yet happened', undefined, [fieldProblem(field, 'field.in_the_future')]);
  }
}
