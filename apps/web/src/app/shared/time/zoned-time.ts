import { InjectionToken } from '@angular/core';
import { wallClockAt } from '@relief-ledger/domain';

/** The viewer's own IANA zone, as the browser reports it. A token, so specs can fix it. */
export const VIEWER_TIME_ZONE = new InjectionToken<string>('VIEWER_TIME_ZONE', {
  providedIn: 'root',
  factory: () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC',
});

/** "Damascus" for Asia/Damascus, "Sao Paulo" for America/Sao_Paulo; a zone without a city (UTC) as it is. */
export function zoneCity(zone: string): string {
  const city = zone.split('/').pop() ?? zone;
  return city.replace(/_/g, ' ');
}

/** How an instant reads on the wall clock of a zone: "18:00 Damascus (UTC+02:00)", as a pause is announced. */
export function describeWallClock({ instant, zone }: { instant: string | Date; zone: string }): string {
  const { time, offset } = wallClockAt(instant, zone);
  return `${time} ${zoneCity(zone)} (UTC${offset})`;
}

/** The short form, where the zone is plain from the context: "18:00 Damascus". */
export function describeWallClockShort({ instant, zone }: { instant: string | Date; zone: string }): string {
  return `${wallClockAt(instant, zone).time} ${zoneCity(zone)}`;
}

/** The calendar day the instant falls on in `zone`: "Mon, 23 Dec 2019". */
export function describeDay({ instant, zone }: { instant: string | Date; zone: string }): string {
  return new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: zone }).format(
    typeof instant === 'string' ? new Date(instant) : instant,
  );
}

/** Whether two zones read the same wall clock at that instant, so showing both would say it twice. */
export function sameWallClock({ instant, zone, other }: { instant: string | Date; zone: string; other: string }): boolean {
  const here = wallClockAt(instant, zone);
  const there = wallClockAt(instant, other);
  return here.date === there.date && here.time === there.time && here.offset === there.offset;
}
