import { AppException } from '../common/problem/app-exception.js';

export class LocationsException extends AppException {
  static notFound(id: string): LocationsException {
    return new LocationsException(404, 'location.not_found', 'Location not found', undefined, undefined, { id });
  }
}
