import { formatNumber } from '../../core/i18n/intl-format';
import { LocalWords } from '../../core/i18n/local-words';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * A length of time as a countdown reads it: "1 d 04 h", "2 h 05 min", "12 min 30 s", "40 s" (in
 * the user's language and digits). Two units at most, so it stays short on a phone; rounded down
 * to the second.
 */
export function formatDuration(ms: number, words: LocalWords): string {
  const left = Math.max(0, Math.floor(ms / SECOND) * SECOND);
  const one = (value: number) => formatNumber(value, words.locale);
  const two = (value: number) => formatNumber(value, words.locale, { minimumIntegerDigits: 2, useGrouping: false });
  if (left >= DAY) return words.t('time.duration.days', { days: one(Math.floor(left / DAY)), hours: two(Math.floor((left % DAY) / HOUR)) });
  if (left >= HOUR) return words.t('time.duration.hours', { hours: one(Math.floor(left / HOUR)), minutes: two(Math.floor((left % HOUR) / MINUTE)) });
  if (left >= MINUTE) return words.t('time.duration.minutes', { minutes: one(Math.floor(left / MINUTE)), seconds: two(Math.floor((left % MINUTE) / SECOND)) });
  return words.t('time.duration.seconds', { seconds: one(left / SECOND) });
}

export interface Countdown {
  /** "in 12 min 30 s" before the target, "12 min 30 s ago" once it has passed. */
  text: string;
  /** The time left (or, once past, gone by), in words without "in" or "ago": "12 min 30 s". */
  duration: string;
  past: boolean;
}

export function countdownTo({ target, now }: { target: string | Date; now: Date }, words: LocalWords): Countdown {
  const ms = (typeof target === 'string' ? Date.parse(target) : target.getTime()) - now.getTime();
  // The second the target is reached counts as passed: "ends in 0 s" would read as still running.
  const past = !(ms > 0 && ms >= SECOND);
  const duration = formatDuration(past ? -ms : ms, words);
  return { text: words.t(past ? 'time.ago' : 'time.in', { duration }), duration, past };
}
