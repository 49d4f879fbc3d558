/** The first retry waits this long; each failed attempt doubles it. */
export const OUTBOX_FIRST_DELAY_MS = 4_000;
/** However many attempts failed, the next one is at most this far away. */
export const OUTBOX_MAX_DELAY_MS = 5 * 60_000;

/**
 * How long to wait after the `attempts`-th failed attempt: doubling from a few seconds, capped
 * at five minutes, and somewhere in the upper half of that so that phones which lost the
 * connection together do not all come back at the same second. `random` is in [0, 1).
 */
export function outboxRetryDelay({ attempts, random }: { attempts: number; random: number }): number {
  const doublings = Math.max(0, attempts - 1);
  // 2^7 × 4 s already passes the cap; stopping there keeps huge attempt counts finite.
  const full = Math.min(OUTBOX_MAX_DELAY_MS, OUTBOX_FIRST_DELAY_MS * 2 ** Math.min(doublings, 10));
  return Math.round(full / 2 + (full / 2) * random);
}
