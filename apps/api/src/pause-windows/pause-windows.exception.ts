import type { FieldError, ProblemCode, ProblemParams } from '@relief-ledger/domain';
import { AppException } from '../common/problem/app-exception.js';

export class PauseWindowsException extends AppException {
  static notFound(id: string): PauseWindowsException {
    return new PauseWindowsException(404, 'pause_window.not_found', 'Pause window not found', undefined, undefined, { id });
  }

  /** A time the domain could not place (skipped by the clocks, twice, passed): its refusal, on the field. */
  static time(field: string, refusal: { message: string; code: ProblemCode; params: ProblemParams }): PauseWindowsException {
    return new PauseWindowsException(422, 'pause_window.time', 'Time not usable as given', refusal.message, [{ field, reason: refusal.message, code: refusal.code, params: refusal.params }], refusal.params);
  }

  static staleVersion(sent: number, current: number): PauseWindowsException {
    return new PauseWindowsException(409, 'pause_window.stale_version', 'Pause window changed meanwhile', undefined, undefined, { sent, current });
  }

  /** An early end at a time the window could not have ended (earlyEndRefusal in libs/domain). */
  static earlyEnd(problem: FieldError): PauseWindowsException {
    return new PauseWindowsException(422, 'pause_window.early_end', 'End time not usable', problem.reason, [problem]);
  }

  static nothingToCorrect(): PauseWindowsException {
    return new PauseWindowsException(422, 'pause_window.nothing_to_correct', 'Nothing to correct');
  }
}
