import { fieldProblem } from '@relief-ledger/domain';
import { AppException } from '../common/problem/app-exception.js';

export class RoutesException extends AppException {
  static notFound(id: string): RoutesException {
    return new RoutesException(404, 'route.not_found', 'Route not found', undefined, undefined, { id });
  }

  static unknownRoute(field = 'routeId'): RoutesException {
    return new RoutesException(422, 'route.unknown', 'Unknown route', undefined, [fieldProblem(field, 'field.no_such', { what: 'route' })]);
  }

  static unknownLocations(ids: string[], field = 'locationIds'): RoutesException {
    return new RoutesException(422, 'route.unknown_location', 'Unknown location', undefined, [{ ...fieldProblem(field, 'field.no_such', { what: 'location' }), reason: `no location with id ${ids.join(', ')}` }], {
      ids: ids.join(', '),
    });
  }

  static duplicateName(name: string): RoutesException {
    return new RoutesException(409, 'route.duplicate_name', 'Route already exists', undefined, [fieldProblem('name', 'field.name_taken', { what: 'route', name })], { name });
  }
}
