import { AppException } from '../common/problem/app-exception.js';

export class IncidentsException extends AppException {
  static notFound(id: string): IncidentsException {
    return new IncidentsException(404, 'incident.not_found', 'Incident not found', `No incident with id ${id}`);
  }

  static unknown(field: string, what: string): IncidentsException {
    return new IncidentsException(422, 'incident.unknown_reference', `Unknown ${what}`, `No ${what} with this id`, [{ field, reason: `no ${what} with this id` }]);
  }

  static nowhere(): IncidentsException {
    return new IncidentsException(422, 'incident.where_required', 'Where did it happen?', 'Give a location, a route or a place in words', [
      { field: 'locationId', reason: 'give a location, a route or a place in words' },
    ]);
  }

  static inTheFuture(field = 'occurredAt'): IncidentsException {
    return new IncidentsException(422, 'incident.in_the_future', 'Not yet happened', 'An incident is reported after it happened', [{ field, reason: 'must not be in the future' }]);
  }

  static keyReused(): IncidentsException {
    return new IncidentsException(422, 'incident.client_id_reused', 'Client id already used', 'This client id was already used for a different incident; make a new one', [
      { field: 'clientId', reason: 'already used for a different incident' },
    ]);
  }
}
