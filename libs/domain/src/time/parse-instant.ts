import { problemText, type ProblemCode, type ProblemParams } from '../common/problem-codes';
/**
 * The one reading of an instant or a calendar date that a person or a phone sends, for every
 * request field and the CSV import alike. `new Date(text)` takes far more than it should (week
 * dates, ordinal dates, no offset read in the server's own zone) and fails on what it cannot
 * read with an exception; this takes exactly RFC 3339 with an offset, real calendar dates only,
 * within bounds, and says what was expected otherwise.
 */

/** Earlier than this is a typing mistake in this domain: no record of ours predates it. */
export const EARLIEST_INSTANT = '1990-01-01T00:00:00Z';
export const EARLIEST_DATE = '1990-01-01';

/** The form every refusal shows, so that the person can type the next attempt right. */
export const INSTANT_EXAMPLE = '2019-12-23T14:30:00+02:00';
export const DATE_EXAMPLE = '2019-12-23';

/** A value as read, or why not: English words, and a code with parameters for other languages. */
export type Checked<T> = { ok: true; value: T } | { ok: false; reason: string; code: ProblemCode; params?: ProblemParams };

function refused(code: ProblemCode, params?: ProblemParams): { ok: false; reason: string; code: ProblemCode; params?: ProblemParams } {
  return params ? { ok: false, reason: problemText(code, params), code, params } : { ok: false, reason: problemText(code), code };
}

export interface InstantBounds {
  /** Inclusive; defaults to EARLIEST_INSTANT. */
  notBefore?: Date;
  /** Inclusive. */
  notAfter?: Date;
  /** What notAfter means, for the refusal: a day ahead (`future_day`), years ahead, or a date. */
  notAfterCode?: 'field.future_day' | 'field.future_years' | 'field.not_after';
  notAfterParams?: ProblemParams;
}

// Date, time with optional seconds and fraction (a dot, up to nanoseconds), then Z or ±hh:mm.
const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:([Zz])|([+-])(\d{2}):(\d{2}))$/;
const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isRealDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return day <= days;
}

const notText = (value: unknown) => typeof value !== 'string';

/** An instant as `2019-12-23T14:30:00+02:00` or `…Z`, a real date and time, within the bounds. */
export function parseInstant(text: unknown, bounds: InstantBounds = {}): Checked<Date> {
  if (notText(text)) return refused('field.instant_form');
  const match = RFC3339.exec(text as string);
  if (!match) return refused('field.instant_form');
  const [, year, month, day, hour, minute, second = '00', fraction = '', zulu, sign, offsetHours, offsetMinutes] = match;
  if (!isRealDay(Number(year), Number(month), Number(day))) return refused('field.not_real_date', { date: `${year}-${month}-${day}` });
  if (Number(hour) > 23 || Number(minute) > 59 || Number(second) > 59) return refused('field.not_real_time', { time: `${hour}:${minute}:${second}` });
  if (!zulu && (Number(offsetHours) > 23 || Number(offsetMinutes) > 59)) return refused('field.unknown_offset', { offset: `${sign}${offsetHours}:${offsetMinutes}` });
  const offsetMs = zulu ? 0 : (sign === '-' ? -1 : 1) * (Number(offsetHours) * 60 + Number(offsetMinutes)) * 60_000;
  const millis = Number(fraction.padEnd(3, '0').slice(0, 3));
  const utc = Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second), millis) - offsetMs;
  // Date.UTC maps years 0–99 to 1900–1999; the lower bound below refuses them either way.
  const instant = new Date(utc);
  const notBefore = bounds.notBefore ?? new Date(EARLIEST_INSTANT);
  if (instant.getTime() < notBefore.getTime()) return refused('field.not_before', { date: notBefore.toISOString().slice(0, 10) });
  if (bounds.notAfter && instant.getTime() > bounds.notAfter.getTime()) {
    return refused(bounds.notAfterCode ?? 'field.not_after', bounds.notAfterParams ?? { date: bounds.notAfter.toISOString() });
  }
  return { ok: true, value: instant };
}

export interface DateBounds {
  /** Inclusive, `YYYY-MM-DD`; defaults to EARLIEST_DATE. */
  notBefore?: string;
  /** Inclusive, `YYYY-MM-DD`. */
  notAfter?: string;
  notAfterCode?: InstantBounds['notAfterCode'];
  notAfterParams?: ProblemParams;
}

/** A calendar day `YYYY-MM-DD` that exists, within the bounds; never turned into an instant. */
export function parseCalendarDate(text: unknown, bounds: DateBounds = {}): Checked<string> {
  if (notText(text)) return refused('field.date_form');
  const match = CALENDAR_DATE.exec(text as string);
  if (!match) return refused('field.date_form');
  if (!isRealDay(Number(match[1]), Number(match[2]), Number(match[3]))) return refused('field.not_real_date', { date: text as string });
  const value = text as string;
  // Same-length ISO dates compare correctly as text.
  const notBefore = bounds.notBefore ?? EARLIEST_DATE;
  if (value < notBefore) return refused('field.not_before', { date: notBefore });
  if (bounds.notAfter && value > bounds.notAfter) return refused(bounds.notAfterCode ?? 'field.not_after', bounds.notAfterParams ?? { date: bounds.notAfter });
  return { ok: true, value };
}
