import { AppException } from '../common/problem/app-exception.js';

export class DistributionsException extends AppException {
  static keyRequired(): DistributionsException {
    return new DistributionsException(400, 'distribution.key_required', 'Client id required', 'Send clientId (a UUID the device made up) or an Idempotency-Key header, so that a re-send is never recorded twice', [
      { field: 'clientId', reason: 'is required (or send Idempotency-Key)' },
    ]);
  }

  static keyReused(): DistributionsException {
    return new DistributionsException(422, 'distribution.key_reused', 'Client id already used', 'This client id was already used for a different distribution; make up a new one for a new distribution', [
      { field: 'clientId', reason: 'was already used for a different distribution' },
    ]);
  }

  static placeRequired(): DistributionsException {
    return new DistributionsException(400, 'distribution.place_required', 'Where?', 'Give the camp, or the location of a distribution outside camps', [
      { field: 'campId', reason: 'campId or locationId is required' },
    ]);
  }

  static unknown(field: string, what: string): DistributionsException {
    return new DistributionsException(422, 'distribution.unknown_reference', `Unknown ${what}`, `No ${what} with this id in your organisation`, [
      { field, reason: `no ${what} with this id in your organisation` },
    ]);
  }

  static notFound(id: string): DistributionsException {
    return new DistributionsException(404, 'distribution.not_found', 'Distribution not found', `No distribution with id ${id}`);
  }
}
