import { problemText, type ProblemCode } from '../common/problem-codes';
export const CONVOY_STATUSES = ['planned', 'departed', 'arrived', 'aborted', 'struck'] as const;
export type ConvoyStatus = (typeof CONVOY_STATUSES)[number];

export const CONVOY_PURPOSES = ['evacuation', 'supply', 'mixed'] as const;
export type ConvoyPurpose = (typeof CONVOY_PURPOSES)[number];

export const CONVOY_STATUS_LABELS: Readonly<Record<ConvoyStatus, string>> = {
  planned: 'Planned',
  departed: 'On the road',
  arrived: 'Arrived',
  aborted: 'Aborted',
  struck: 'Struck',
};

/**
 * Where a convoy may go from each status. Arrived, aborted and struck are final: what happens
 * after (a return trip, a second attempt) is a new convoy with its own route and times.
 */
export const CONVOY_STATUS_TRANSITIONS: Readonly<Record<ConvoyStatus, readonly ConvoyStatus[]>> = {
  planned: ['departed', 'aborted'],
  departed: ['arrived', 'aborted', 'struck'],
  arrived: [],
  aborted: [],
  struck: [],
};

export type TransitionCheck = { ok: true } | { ok: false; reason: string; code: ProblemCode; params: { from: ConvoyStatus; to: ConvoyStatus } };

/**
 * Whether a convoy may move `from` → `to`, and if not, why: a code with the two statuses (as
 * codes, for a translation to name), and the English words field staff can act on.
 */
export function checkConvoyTransition(from: ConvoyStatus, to: ConvoyStatus): TransitionCheck {
  if (CONVOY_STATUS_TRANSITIONS[from].includes(to)) return { ok: true };
  const code: ProblemCode =
    from === to
      ? 'convoy.transition.same'
      : CONVOY_STATUS_TRANSITIONS[from].length === 0
        ? 'convoy.transition.final'
        : from === 'planned'
          ? 'convoy.transition.not_departed'
          : 'convoy.transition.back';
  const label = (s: ConvoyStatus) => CONVOY_STATUS_LABELS[s].toLowerCase();
  return { ok: false, code, params: { from, to }, reason: problemText(code, { status: label(from), from: label(from), to: label(to) }) };
}

/** Check-ins are expected at this interval unless the convoy says otherwise. */
export const CHECK_IN_INTERVAL_DEFAULT_MINUTES = 30;
/** Added to the expected arrival before a trip counts as covered: roads, checkpoints, breakdowns. */
export const SAFETY_MARGIN_DEFAULT_MINUTES = 60;

export interface CheckInClock {
  status: ConvoyStatus;
  departedAt: string | null;
  lastCheckInAt: string | null;
  checkInIntervalMinutes: number;
}

/** When the next check-in is due: one interval after the last check-in, or after departure. Only on the road. */
export function nextCheckInDue(convoy: CheckInClock): string | null {
  if (convoy.status !== 'departed' || !convoy.departedAt) return null;
  const last = Math.max(Date.parse(convoy.departedAt), convoy.lastCheckInAt ? Date.parse(convoy.lastCheckInAt) : 0);
  return new Date(last + convoy.checkInIntervalMinutes * 60_000).toISOString();
}

/** A convoy on the road that has missed its check-in. */
export function isOverdue(convoy: CheckInClock, now: Date): boolean {
  const due = nextCheckInDue(convoy);
  return due !== null && now.getTime() > Date.parse(due);
}
