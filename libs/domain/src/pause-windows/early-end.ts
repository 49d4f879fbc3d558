import type { WindowTimes } from './pause-window';

/** Why a window cannot have ended at a time: the news is of the past, within the window as announced. */
export type EarlyEndRefusal = 'in_the_future' | 'not_after_start' | 'not_before_end';

/**
 * An early end is news of something that happened: not later than now, after the window
 * started (a window that never began is corrected, not ended) and before the end it was
 * announced with (otherwise it did not end early). Null when the time is usable.
 */
export function earlyEndRefusal(window: Pick<WindowTimes, 'startsAt' | 'endsAt'>, endedAt: string, now: Date): EarlyEndRefusal | null {
  const at = Date.parse(endedAt);
  if (at > now.getTime()) return 'in_the_future';
  if (at <= Date.parse(window.startsAt)) return 'not_after_start';
  if (at >= Date.parse(window.endsAt)) return 'not_before_end';
  return null;
}
