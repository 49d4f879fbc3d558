/**
 * Is a convoy's trip inside a pause window on its route? The trip runs from departure to the
 * expected arrival plus a safety margin; only windows that apply to the route and have not
 * been violated count as protection (a window that was broken once is not trusted again).
 */

export interface Trip {
  departureAt: string;
  durationMinutes: number;
  safetyMarginMinutes: number;
}

export interface CoveringWindow {
  id: string;
  startsAt: string;
  endsAt: string;
  violatedAt: string | null;
}

/** `coveredUntil`: when the protection that starts at departure runs out (the windows' end, not the trip's). */
export type ConvoyCoverage =
  | { kind: 'covered'; windowIds: string[]; coveredUntil: string }
  /** Part of the trip lies outside every window: `exposedMinutes` of it, the first from `exposedFrom`. */
  | { kind: 'partly_covered'; windowIds: string[]; coveredUntil: string | null; exposedMinutes: number; exposedFrom: string }
  | { kind: 'not_covered'; exposedMinutes: number; exposedFrom: string };

export const COVERAGE_LABELS: Readonly<Record<ConvoyCoverage['kind'], string>> = {
  covered: 'Covered',
  partly_covered: 'Partly covered',
  not_covered: 'Not covered',
};

export function tripEnd(trip: Trip): Date {
  return new Date(Date.parse(trip.departureAt) + (trip.durationMinutes + trip.safetyMarginMinutes) * 60_000);
}

export function convoyCoverage(trip: Trip, windows: readonly CoveringWindow[]): ConvoyCoverage {
  const start = Date.parse(trip.departureAt);
  const end = tripEnd(trip).getTime();
  const usable = windows
    .filter((w) => w.violatedAt === null)
    .map((w) => ({ id: w.id, from: Math.max(Date.parse(w.startsAt), start), to: Math.min(Date.parse(w.endsAt), end), until: Date.parse(w.endsAt) }))
    .filter((w) => w.from < w.to)
    .sort((a, b) => a.from - b.from);

  // Walk the trip from departure; windows that overlap or touch join into one covered stretch.
  let cursor = start;
  let covered = 0;
  let exposedFrom: number | null = null;
  let coveredUntil: number | null = null;
  for (const w of usable) {
    if (w.from > cursor && exposedFrom === null) exposedFrom = cursor;
    if (w.to > cursor) {
      covered += w.to - Math.max(w.from, cursor);
      cursor = w.to;
    }
    // How long the protection from departure lasts, beyond the trip too: the countdown to show.
    if (exposedFrom === null && w.from <= (coveredUntil ?? start)) coveredUntil = Math.max(coveredUntil ?? start, w.until);
  }
  if (cursor < end && exposedFrom === null) exposedFrom = cursor;

  const windowIds = usable.map((w) => w.id);
  if (exposedFrom === null) return { kind: 'covered', windowIds, coveredUntil: new Date(coveredUntil ?? end).toISOString() };
  // Rounded up: an exposure is never reported shorter than it is.
  const exposedMinutes = Math.ceil((end - start - covered) / 60_000);
  if (covered === 0) return { kind: 'not_covered', exposedMinutes, exposedFrom: new Date(exposedFrom).toISOString() };
  return {
    kind: 'partly_covered',
    windowIds,
    coveredUntil: coveredUntil === null ? null : new Date(coveredUntil).toISOString(),
    exposedMinutes,
    exposedFrom: new Date(exposedFrom).toISOString(),
  };
}

/** Incidents on a route within this many hours weigh against departure. */
export const RECENT_INCIDENT_HOURS = 24;

export type GoNoGoReasonCode = 'no_window' | 'window_ends_before_arrival' | 'window_violated' | 'recent_incident' | 'overdue_convoys';

export interface GoNoGoReason {
  code: GoNoGoReasonCode;
  /** English; `params` give the numbers and times for the same words in another language. */
  message: string;
  params?: Record<string, string | number>;
}

export interface GoNoGoInput {
  coverage: ConvoyCoverage;
  /** Windows on the route that were violated, with when. */
  violatedWindows: readonly { id: string; violatedAt: string }[];
  incidentsOnRoute: readonly { id: string; kind: string; occurredAt: string }[];
  /** Other convoys on the same route that missed their check-in. */
  overdueConvoysOnRoute: number;
  now: Date;
}

/** The checklist before departure: go only when nothing on it speaks against leaving. */
export function goNoGo(input: GoNoGoInput): { go: boolean; reasons: GoNoGoReason[] } {
  const reasons: GoNoGoReason[] = [];
  const { coverage } = input;
  if (coverage.kind === 'not_covered') {
    reasons.push({ code: 'no_window', message: 'No pause window in force covers this route for the trip' });
  } else if (coverage.kind === 'partly_covered') {
    reasons.push({
      code: 'window_ends_before_arrival',
      message: `The window does not cover the whole trip: ${coverage.exposedMinutes} min exposed from ${coverage.exposedFrom} (arrival plus safety margin)`,
      params: { minutes: coverage.exposedMinutes, from: coverage.exposedFrom },
    });
  }
  for (const w of input.violatedWindows) {
    reasons.push({ code: 'window_violated', message: `A pause window on this route was violated at ${w.violatedAt}`, params: { at: w.violatedAt } });
  }
  const since = input.now.getTime() - RECENT_INCIDENT_HOURS * 3_600_000;
  const recent = input.incidentsOnRoute.filter((i) => Date.parse(i.occurredAt) >= since && Date.parse(i.occurredAt) <= input.now.getTime());
  if (recent.length > 0) {
    const kinds = [...new Set(recent.map((i) => i.kind.replace('_', ' ')))].join(', ');
    reasons.push({
      code: 'recent_incident',
      message: `${recent.length} incident(s) on this route in the last ${RECENT_INCIDENT_HOURS} h (${kinds})`,
      params: { count: recent.length, hours: RECENT_INCIDENT_HOURS, kinds: [...new Set(recent.map((i) => i.kind))].join(',') },
    });
  }
  if (input.overdueConvoysOnRoute > 0) {
    reasons.push({ code: 'overdue_convoys', message: `${input.overdueConvoysOnRoute} convoy(s) on this route missed their check-in`, params: { count: input.overdueConvoysOnRoute } });
  }
  return { go: reasons.length === 0, reasons };
}
