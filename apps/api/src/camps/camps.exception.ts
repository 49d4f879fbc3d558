import { fieldProblem, type CampStatus } from '@relief-ledger/domain';
import { AppException } from '../common/problem/app-exception.js';

export class CampsException extends AppException {
  static notFound(id: string): CampsException {
    return new CampsException(404, 'camp.not_found', 'Camp not found', undefined, undefined, { id });
  }

  static staleVersion(sent: number, current: number): CampsException {
    return new CampsException(409, 'camp.stale_version', 'Camp changed meanwhile', undefined, undefined, { sent, current });
  }

  static duplicateName(name: string): CampsException {
    return new CampsException(409, 'camp.duplicate_name', 'Camp already exists', undefined, [fieldProblem('nameEn', 'field.name_taken', { what: 'camp', name })], { name });
  }

  static closed(): CampsException {
    return new CampsException(422, 'camp.closed', 'Camp is closed');
  }

  static illegalMove(from: CampStatus, to: CampStatus): CampsException {
    const error = fieldProblem('status', 'field.status_from_to', { from, to });
    return new CampsException(422, 'camp.illegal_status', 'Status change not allowed', from === 'closed' ? 'the camp is already closed' : error.reason, [error], { from, to });
  }

  static closedInFuture(closedOn: string, today: string): CampsException {
    return new CampsException(422, 'camp.closed_in_future', 'Invalid closing date', undefined, [fieldProblem('closedOn', 'field.closed_in_future', { today })], { closedOn, today });
  }

  static nothingToChange(): CampsException {
    return new CampsException(400, 'camp.nothing_to_change', 'Nothing to change');
  }

  static closedBeforeOpened(closedOn: string, openedOn: string): CampsException {
    return new CampsException(422, 'camp.closed_before_opened', 'Invalid closing date', undefined, [fieldProblem('closedOn', 'field.closed_before_opened', { openedOn })], { closedOn, openedOn });
  }
}
