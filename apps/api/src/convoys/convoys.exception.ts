import { AppException } from '../common/problem/app-exception.js';

export class ConvoysException extends AppException {
  static notFound(id: string): ConvoysException {
    return new ConvoysException(404, 'convoy.not_found', 'Convoy not found', `No convoy with id ${id}`);
  }

  static staleVersion(sent: number, current: number): ConvoysException {
    return new ConvoysException(
      409,
      'convoy.stale_version',
      'Convoy changed meanwhile',
      `Someone else changed this convoy (you sent version ${sent}, it is now at version ${current}); reload it and try again`,
    );
  }

  static illegalTransition(reason: string): ConvoysException {
    return new ConvoysException(409, 'convoy.illegal_transition', 'Status change not allowed', reason, [{ field: 'status', reason }]);
  }

  static notOnTheRoad(status: string): ConvoysException {
    return new ConvoysException(409, 'convoy.not_on_the_road', 'Not on the road', `Only a convoy on the road checks in; this one is ${status}`);
  }

  static unknown(field: string, what: string): ConvoysException {
    return new ConvoysException(422, 'convoy.unknown_reference', `Unknown ${what}`, `No ${what} with this id`, [{ field, reason: `no ${what} with this id` }]);
  }

  static invalid(field: string, reason: string): ConvoysException {
    return new ConvoysException(422, 'convoy.invalid', 'Invalid convoy', reason, [{ field, reason }]);
  }

  static keyReused(): ConvoysException {
    return new ConvoysException(422, 'convoy.client_id_reused', 'Client id already used', 'This client id was already used for a different check-in; make a new one', [
      { field: 'clientId', reason: 'already used for a different check-in' },
    ]);
  }
}
