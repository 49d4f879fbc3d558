/**
 * Calendar days typed in the browser's time zone, as the instants the API filters by: `from` is the
 * start of its day, and `to` the start of the day after, since the API's `to` is exclusive and
 * people mean "up to and including".
 */
export function dayRangeToInstants({ from, to }: { from?: string; to?: string }): { from?: string; to?: string } {
  return {
    ...(from && isDay(from) ? { from: startOfDay(from, 0) } : {}),
    ...(to && isDay(to) ? { to: startOfDay(to, 1) } : {}),
  };
}

export function isDay(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(new Date(`${value}T00:00:00`).getTime());
}

function startOfDay(day: string, daysLater: number): string {
  const [year, month, date] = day.split('-').map(Number);
  return new Date(year, month - 1, date + daysLater).toISOString();
}
