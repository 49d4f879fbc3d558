import { PauseWindowStatus, pauseWindowStatus, WindowTimes } from '@relief-ledger/domain';

import { LocalWords } from '../../core/i18n/local-words';
import { countdownTo } from '../time/countdown';

export interface WindowClock {
  /** By the clock now: a window moves from upcoming to in force to ended without a reload. */
  status: PauseWindowStatus;
  /** "starts in 2 h 00 min", "ends in 12 min 30 s", "ended 5 min ago"; nothing once violated. */
  countdown?: string;
  /** Minutes are short: the last quarter of an hour of a window in force. */
  endingSoon: boolean;
}

const ENDING_SOON_MS = 15 * 60_000;

export function windowClock(window: WindowTimes, now: Date, words: LocalWords): WindowClock {
  const status = pauseWindowStatus(window, now);
  const until = (target: string) => countdownTo({ target, now }, words).duration;
  switch (status) {
    case 'upcoming':
      return { status, countdown: words.t('window.startsIn', { duration: until(window.startsAt) }), endingSoon: false };
    case 'in_force':
      return {
        status,
        countdown: words.t('window.endsIn', { duration: until(window.endsAt) }),
        endingSoon: Date.parse(window.endsAt) - now.getTime() <= ENDING_SOON_MS,
      };
    case 'ended':
      return { status, countdown: words.t('window.endedAgo', { duration: until(window.endsAt) }), endingSoon: false };
    default:
      return { status, endingSoon: false };
  }
}
