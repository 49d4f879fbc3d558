import type { CampStatus } from '@relief-ledger/domain';
import { AppException } from '../common/problem/app-exception.js';

export class CampsException extends AppException {
  static notFound(id: string): CampsException {
    return new CampsException(404, 'camp.not_found', 'Camp not found', `No camp with id ${id}`);
  }

  static staleVersion(sent: number, current: number): CampsException {
    return new CampsException(
      409,
      'camp.stale_version',
      'Camp changed meanwhile',
      `This camp was changed by someone else (you sent version ${sent}, it is now at version ${current}); reload it and apply your change again`,
    );
  }

  static duplicateName(name: string): CampsException {
    return new CampsException(409, 'camp.duplicate_name', 'Camp already exists', `Your organisation already has a camp named "${name}"`, [
      { field: 'nameEn', reason: `a camp named "${name}" already exists in this organisation` },
    ]);
  }

  static closed(): CampsException {
    return new CampsException(422, 'camp.closed', 'Camp is closed', 'A closed camp is kept as it was for reports and cannot be changed');
  }

  static illegalMove(from: CampStatus, to: CampStatus): CampsException {
    const reason = from === 'closed' ? 'the camp is already closed' : `cannot change status from ${from} to ${to}`;
    return new CampsException(422, 'camp.illegal_status', 'Status change not allowed', reason, [{ field: 'status', reason }]);
  }

  static closedInFuture(closedOn: string, today: string): CampsException {
    const reason = `must not be in the future (today at the camp is ${today})`;
    return new CampsException(422, 'camp.closed_in_future', 'Invalid closing date', `closedOn ${closedOn} ${reason}`, [{ field: 'closedOn', reason }]);
  }

  static nothingToChange(): CampsException {
    return new CampsException(400, 'camp.nothing_to_change', 'Nothing to change', 'Send at least one field to change besides the version');
  }

  static closedBeforeOpened(closedOn: string, openedOn: string): CampsException {
    const reason = `must not be before the camp opened (${openedOn})`;
    return new CampsException(422, 'camp.closed_before_opened', 'Invalid closing date', `closedOn ${closedOn} ${reason}`, [
      { field: 'closedOn', reason },
    ]);
  }
}
