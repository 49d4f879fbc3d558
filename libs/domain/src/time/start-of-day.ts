import { DateTime } from 'luxon';

/**
 * The first instant of a calendar day on a zone's clock, in UTC: where a period "from 23 December"
 * starts at a site. Midnight itself may not exist there (Damascus moved its clocks at 00:00 until
 * 2022), and the day then starts at the first minute that does.
 */
export function startOfDayIn({ day, zone }: { day: string; zone: string }): string {
  const start = DateTime.fromISO(day, { zone }).startOf('day');
  if (!start.isValid) throw new Error(`not a day in a known zone: ${day} ${zone}`);
  return start.toUTC().toISO()!;
}
