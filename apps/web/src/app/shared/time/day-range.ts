import { addDays, startOfDayIn } from '@relief-ledger/domain';

/**
 * Calendar days picked in a filter, as the instants the API filters by, on the site's calendar
 * (`zone`, the zone times are shown in), never the browser's: "23 December" is the same day for a
 * coordinator in Gaziantep, Damascus or on a laptop set to UTC. `from` is the start of its day,
 * and `to` the start of the day after, since the API's `to` is exclusive and people mean "up to and
 * including".
 */
export function dayRangeToInstants({ from, to, zone }: { from?: string; to?: string; zone: string }): { from?: string; to?: string } {
  return {
    ...(from && isDay(from) ? { from: startOfDayIn({ day: from, zone }) } : {}),
    ...(to && isDay(to) ? { to: startOfDayIn({ day: addDays(to, 1), zone }) } : {}),
  };
}

export function isDay(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(new Date(`${value}T00:00:00`).getTime());
}
