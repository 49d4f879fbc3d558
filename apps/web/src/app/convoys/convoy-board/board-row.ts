import { ConvoyEventResponse, ConvoyResponse } from '@relief-ledger/domain';

import { LocalWords } from '../../core/i18n/local-words';
import { Countdown } from '../../shared/time/countdown';
import { describeInstant, describeWallClockShort } from '../../shared/time/zoned-time';
import { CheckInDue, checkInDue, coverCountdown, routeEnds } from '../convoy-timing';

/** One convoy as the board shows it, worked out for the time now. */
export interface BoardRow {
  convoy: ConvoyResponse;
  /** "Ma'arat al-Num'an → Sarmada". */
  route: string;
  /** Departure, actual once it left, else planned, with its date unless today: "13:30 Damascus today", "10:05 Damascus, Mon, 23 Dec 2019". */
  departure: string;
  checkIn?: CheckInDue & { dueLocal: string };
  /** "13:55 Damascus today · Ariha checkpoint": the last check-in, and where, when the stream said. */
  lastCheckIn?: string;
  cover?: { untilLocal: string; countdown: Countdown };
}

/** `lastReport`: the newest check-in the live stream brought for this convoy, which says where it was. */
export function toBoardRow({ convoy, now, lastReport, words }: { convoy: ConvoyResponse; now: Date; lastReport?: ConvoyEventResponse; words: LocalWords }): BoardRow {
  const zone = convoy.route.timeZone;
  // Due and cover times are hours ahead with a countdown beside them; a departure or a check-in may be days old.
  const local = (instant: string) => describeWallClockShort({ instant, zone }, words);
  const dated = (instant: string) => describeInstant({ instant, zone, now }, words);
  const due = checkInDue(convoy, now, words);
  const cover = coverCountdown(convoy.coverage, now, words);
  const lastAt = latest(convoy.lastCheckInAt, lastReport?.occurredAt);
  const where = lastReport && lastReport.occurredAt === lastAt ? (lastReport.place ?? lastReport.locationName) : null;
  return {
    convoy,
    route: routeEnds(convoy.route.stops),
    departure: dated(convoy.departedAt ?? convoy.plannedDepartureAt),
    ...(due ? { checkIn: { ...due, dueLocal: local(due.dueAt) } } : {}),
    ...(lastAt ? { lastCheckIn: where ? `${dated(lastAt)} · ${where}` : dated(lastAt) } : {}),
    ...(cover ? { cover: { untilLocal: local(cover.until), countdown: cover.countdown } } : {}),
  };
}

function latest(a: string | null | undefined, b: string | null | undefined): string | undefined {
  if (!a) return b ?? undefined;
  if (!b) return a;
  return Date.parse(a) >= Date.parse(b) ? a : b;
}
