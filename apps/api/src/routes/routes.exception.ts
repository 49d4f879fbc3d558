import { AppException } from '../common/problem/app-exception.js';

export class RoutesException extends AppException {
  static notFound(id: string): RoutesException {
    return new RoutesException(404, 'route.not_found', 'Route not found', `No route with id ${id}`);
  }

  static unknownRoute(field = 'routeId'): RoutesException {
    return new RoutesException(422, 'route.unknown', 'Unknown route', 'No route with this id', [{ field, reason: 'no route with this id' }]);
  }

  static unknownLocations(ids: string[], field = 'locationIds'): RoutesException {
    return new RoutesException(422, 'route.unknown_location', 'Unknown location', `No location with id ${ids.join(', ')}`, [
      { field, reason: `no location with id ${ids.join(', ')}` },
    ]);
  }

  static duplicateName(name: string): RoutesException {
    return new RoutesException(409, 'route.duplicate_name', 'Route already exists', `A route named "${name}" already exists`, [
      { field: 'name', reason: `a route named "${name}" already exists` },
    ]);
  }
}
