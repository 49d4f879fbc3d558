import type { ProblemCode, ProblemParams } from '@relief-ledger/domain';
import { AppException } from '../common/problem/app-exception.js';

export class PauseWindowsException extends AppException {
  static notFound(id: string): PauseWindowsException {
    return new PauseWindowsException(404, 'pause_window.not_found', 'Pause window not found', undefined, undefined, { id });
  }

  /** A time the domain could not place (skipped by the clocks, twice, passed): its refusal, on the field. */
  static time(field: string, refusal: { message: string; code: ProblemCode; params: ProblemParams }): PauseWindowsException {
    return new PauseWindowsException(422, 'pause_window.time', 'Time not usable as given', refusal.message, [{ field, reason: refusal.message, code: refusal.code, params: refusal.params }], refusal.params);
  }
}
