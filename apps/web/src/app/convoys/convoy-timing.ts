import { ConvoyCoverage, ConvoyResponse, nextCheckInDue, RouteStop } from '@relief-ledger/domain';

import { LocalWords } from '../core/i18n/local-words';
import { Countdown, countdownTo } from '../shared/time/countdown';

export interface CheckInDue {
  dueAt: string;
  countdown: Countdown;
  /** Missed: the server said so, or the clock has passed the due time since it answered. */
  overdue: boolean;
}

/** When a convoy on the road must next check in, and whether it has missed it. Nothing for convoys not on the road. */
export function checkInDue(convoy: ConvoyResponse, now: Date, words: LocalWords): CheckInDue | undefined {
  if (convoy.status !== 'departed') return undefined;
  const dueAt = convoy.nextCheckInDueAt ?? nextCheckInDue(convoy);
  if (!dueAt) return undefined;
  const countdown = countdownTo({ target: dueAt, now }, words);
  return { dueAt, countdown, overdue: convoy.overdue || countdown.past };
}

/** How long the trip stays inside a pause window: a countdown to the end of the cover, when it has one. */
export function coverCountdown(coverage: ConvoyCoverage | null, now: Date, words: LocalWords): { until: string; countdown: Countdown } | undefined {
  if (!coverage || coverage.kind === 'not_covered' || !coverage.coveredUntil) return undefined;
  return { until: coverage.coveredUntil, countdown: countdownTo({ target: coverage.coveredUntil, now }, words) };
}

/** "Covered", "Partly covered: 45 min exposed", "Not covered", in the user's language. */
export function describeCoverage(coverage: ConvoyCoverage, words: LocalWords): string {
  return coverage.kind === 'partly_covered'
    ? words.t('coverage.partlyExposed', { minutes: coverage.exposedMinutes })
    : words.t(`status.coverage.${coverage.kind}`);
}

/** "Ma'arat al-Num'an → Sarmada": where a route starts and ends. */
export function routeEnds(stops: readonly Pick<RouteStop, 'nameEn'>[]): string {
  if (stops.length === 0) return '';
  if (stops.length === 1) return stops[0].nameEn;
  return `${stops[0].nameEn} → ${stops[stops.length - 1].nameEn}`;
}
