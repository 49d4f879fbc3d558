/**
 * Arithmetic on calendar days (`YYYY-MM-DD`), which have no zone: a day at a site is a day,
 * whatever the server's clock says. Done on UTC midnights, where every day has 24 hours.
 */

const DAY_MS = 86_400_000;
const toMs = (day: string) => Date.parse(`${day}T00:00:00Z`);
const toDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function addDays(day: string, days: number): string {
  return toDay(toMs(day) + days * DAY_MS);
}

/** The Monday of the ISO week `day` is in. */
export function mondayOf(day: string): string {
  const weekday = (new Date(toMs(day)).getUTCDay() + 6) % 7;
  return addDays(day, -weekday);
}

export function firstOfMonth(day: string): string {
  return `${day.slice(0, 7)}-01`;
}

/** The first day of the month `months` after (or before, when negative) the month of `day`. */
export function addMonths(day: string, months: number): string {
  const date = new Date(toMs(firstOfMonth(day)));
  date.setUTCMonth(date.getUTCMonth() + months);
  return toDay(date.getTime());
}

/** Days from `from` to `to`, both included; 0 when `to` is before `from`. */
export function daysBetween(from: string, to: string): number {
  return Math.max(0, Math.round((toMs(to) - toMs(from)) / DAY_MS) + 1);
}
