import { AppException } from '../common/problem/app-exception.js';

export class PauseWindowsException extends AppException {
  static notFound(id: string): PauseWindowsException {
    return new PauseWindowsException(404, 'pause_window.not_found', 'Pause window not found', `No pause window with id ${id}`);
  }

  /** The announced time cannot be placed on the clock as given; the reason says what to do. */
  static time(field: string, reason: string): PauseWindowsException {
    return new PauseWindowsException(422, 'pause_window.time', 'Time not usable as given', reason, [{ field, reason }]);
  }
}
