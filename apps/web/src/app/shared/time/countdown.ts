const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const two = (value: number) => String(value).padStart(2, '0');

/**
 * A length of time as a countdown reads it: "1 d 04 h", "2 h 05 min", "12 min 30 s", "40 s".
 * Two units at most, so it stays short on a phone; rounded down to the second.
 */
export function formatDuration(ms: number): string {
  const left = Math.max(0, Math.floor(ms / SECOND) * SECOND);
  if (left >= DAY) return `${Math.floor(left / DAY)} d ${two(Math.floor((left % DAY) / HOUR))} h`;
  if (left >= HOUR) return `${Math.floor(left / HOUR)} h ${two(Math.floor((left % HOUR) / MINUTE))} min`;
  if (left >= MINUTE) return `${Math.floor(left / MINUTE)} min ${two(Math.floor((left % MINUTE) / SECOND))} s`;
  return `${left / SECOND} s`;
}

export interface Countdown {
  /** "in 12 min 30 s" before the target, "12 min 30 s ago" once it has passed. */
  text: string;
  past: boolean;
}

export function countdownTo({ target, now }: { target: string | Date; now: Date }): Countdown {
  const ms = (typeof target === 'string' ? Date.parse(target) : target.getTime()) - now.getTime();
  // The second the target is reached counts as passed: "ends in 0 s" would read as still running.
  if (ms > 0 && ms >= SECOND) return { text: `in ${formatDuration(ms)}`, past: false };
  return { text: `${formatDuration(-ms)} ago`, past: true };
}
