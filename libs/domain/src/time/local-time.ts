import { problemText, type ProblemCode, type ProblemParams } from '../common/problem-codes';
import { DateTime, IANAZone } from 'luxon';
import { isValidTimeZone } from '../locations/is-valid-time-zone';

/**
 * Wall-clock times as people announce them ("until 18:00 local") turned into instants, on the
 * IANA time-zone database through Luxon. Luxon on its own moves a time that does not exist
 * (the spring-forward hour) silently forward and picks one of two for a time that happens
 * twice; a pause window that ends an hour off can get people killed, so both are detected
 * here and handed back to the person who typed them.
 */

/** A calendar date `YYYY-MM-DD` and a wall-clock time `HH:mm`, with no zone. */
export interface WallClock {
  date: string;
  time: string;
}

/** One reading of a wall-clock time: the instant (ISO, UTC) and the zone's offset then (`+02:00`). */
export interface ZonedInstant {
  instant: string;
  offset: string;
}

export type LocalTimeResolution =
  | ({ kind: 'exact' } & ZonedInstant)
  /** The clocks jumped over this time (spring forward): it never happened there that day. */
  | ({ kind: 'nonexistent' } & Refusal)
  /** The clocks went back over this time (fall back): it happened twice; say which with the offset. */
  | ({ kind: 'ambiguous'; candidates: ZonedInstant[] } & Refusal)
  | ({ kind: 'invalid' } & Refusal);

/** Why a time cannot be placed: English words, and a code with parameters for other languages. */
export interface Refusal {
  message: string;
  code: ProblemCode;
  params: ProblemParams;
}

function refusal(code: ProblemCode, params: ProblemParams = {}): Refusal {
  return { message: problemText(code, params), code, params };
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** A wall-clock time as announced, `HH:mm` from 00:00 to 23:59. */
export const WALL_CLOCK_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const OFFSET = /^[+-]\d{2}:\d{2}$/;
const DAY_MS = 86_400_000;

/** `+02:00` for 120 minutes. */
export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/**
 * The instant a wall-clock time in `zone` stands for. `offset` (`+02:00`) picks one reading of a
 * time that happened twice, and is checked against the zone when given for any other time.
 */
export function resolveLocalTime(wall: WallClock & { offset?: string }, zone: string): LocalTimeResolution {
  if (!DATE.test(wall.date)) return { kind: 'invalid', ...refusal('field.date_form') };
  if (!WALL_CLOCK_TIME.test(wall.time)) return { kind: 'invalid', ...refusal('field.wall_time') };
  if (wall.offset !== undefined && !OFFSET.test(wall.offset)) return { kind: 'invalid', ...refusal('field.offset_form') };
  if (!isValidTimeZone(zone)) return unknownZone(zone);
  const iana = IANAZone.create(zone);
  // The wall-clock reading as if it were UTC; each real reading is this minus the offset then.
  const asUtc = DateTime.fromISO(`${wall.date}T${wall.time}`, { zone: 'utc' });
  if (!asUtc.isValid) return { kind: 'invalid', ...refusal('field.not_real_date', { date: wall.date }) };
  const base = asUtc.toMillis();
  // Offsets in force within a day either side; zones change at most once a day in practice.
  const offsets = new Set([base - DAY_MS, base, base + DAY_MS].map((probe) => iana.offset(probe)));
  const candidates = [...offsets]
    .map((minutes) => ({ ms: base - minutes * 60_000, minutes }))
    .filter(({ ms, minutes }) => iana.offset(ms) === minutes)
    .sort((a, b) => a.ms - b.ms)
    .map(({ ms, minutes }) => ({ instant: new Date(ms).toISOString(), offset: formatOffset(minutes) }));

  const said = { date: wall.date, time: wall.time, zone };
  const readings = candidates.map((c) => c.offset).join(' or ');
  if (candidates.length === 0) return { kind: 'nonexistent', ...refusal('time.nonexistent', said) };
  if (wall.offset !== undefined) {
    const chosen = candidates.find((c) => c.offset === wall.offset);
    if (chosen) return { kind: 'exact', ...chosen };
    return { kind: 'invalid', ...refusal('time.wrong_offset', { ...said, offset: wall.offset, offsets: readings }) };
  }
  if (candidates.length > 1) return { kind: 'ambiguous', ...refusal('time.ambiguous', { ...said, offsets: readings }), candidates };
  return { kind: 'exact', ...candidates[0] };
}

/**
 * "From now until 18:00 local": the first time the wall clock in `zone` reads `time` after
 * `after` (today, or tomorrow when it has passed). Not moved off a skipped or repeated hour.
 */
export function nextLocalTime(after: Date, time: string, zone: string): LocalTimeResolution {
  if (!WALL_CLOCK_TIME.test(time)) return { kind: 'invalid', ...refusal('field.wall_time') };
  if (!isValidTimeZone(zone)) return unknownZone(zone);
  const iana = IANAZone.create(zone);
  const today = DateTime.fromJSDate(after, { zone: iana });
  for (const day of [today, today.plus({ days: 1 })]) {
    const resolved = resolveLocalTime({ date: day.toISODate()!, time }, zone);
    if (resolved.kind !== 'exact' || Date.parse(resolved.instant) > after.getTime()) return resolved;
  }
  /* istanbul ignore next -- tomorrow's reading is always after now */
  return { kind: 'invalid', ...refusal('time.invalid', { detail: `${time} could not be placed after ${after.toISOString()}` }) };
}

/**
 * "Until 18:00" said at `after`: 18:00 on the same local day. When that has already passed it
 * is refused rather than taken as tomorrow — a late entry of today's window, moved a day on,
 * would cover convoys for a day nobody announced.
 */
export function laterTheSameDay(after: Date, time: string, zone: string): LocalTimeResolution {
  if (!isValidTimeZone(zone)) return unknownZone(zone);
  const date = DateTime.fromJSDate(after, { zone }).toISODate()!;
  const resolved = resolveLocalTime({ date, time }, zone);
  if (resolved.kind === 'exact' && Date.parse(resolved.instant) <= after.getTime()) {
    return { kind: 'invalid', ...refusal('time.passed', { time, date, zone }) };
  }
  return resolved;
}

function unknownZone(zone: string): LocalTimeResolution {
  return { kind: 'invalid', ...refusal('field.time_zone', { zone }) };
}

/** How an instant reads on the wall clock of `zone`: date, time and the offset then. */
export function wallClockAt(instant: Date | string, zone: string): WallClock & { offset: string } {
  const at = DateTime.fromJSDate(typeof instant === 'string' ? new Date(instant) : instant, { zone });
  return { date: at.toISODate()!, time: at.toFormat('HH:mm'), offset: formatOffset(at.offset) };
}
