import { wallClockAt } from '@relief-ledger/domain';

import { formatDay, formatTime, localDigits } from '../../core/i18n/intl-format';
import { LocalWords } from '../../core/i18n/local-words';

export { VIEWER_TIME_ZONE } from './viewer-time-zone';

/** "Damascus" for Asia/Damascus, "Sao Paulo" for America/Sao_Paulo; a zone without a city (UTC) as it is. */
export function zoneCity(zone: string): string {
  const city = zone.split('/').pop() ?? zone;
  return city.replace(/_/g, ' ');
}

/** A zone's city in the user's language where the translations name it (`zone.Asia/Damascus`: "دمشق"), else in English. */
export function zoneName(zone: string, words: LocalWords): string {
  const key = `zone.${zone}`;
  const name = words.t(key);
  return name === key ? zoneCity(zone) : name;
}

interface ZonedInstant {
  instant: string | Date;
  zone: string;
}

/** How an instant reads on the wall clock of a zone: "18:00 Damascus (UTC+02:00)", as a pause is announced. */
export function describeWallClock({ instant, zone }: ZonedInstant, words: LocalWords): string {
  const { offset } = wallClockAt(instant, zone);
  return words.t('time.wallClock', {
    time: formatTime(instant, zone, words.locale),
    zone: zoneName(zone, words),
    offset: localDigits(offset, words.locale.digits),
  });
}

/** The short form, where the zone is plain from the context: "18:00 Damascus". */
export function describeWallClockShort({ instant, zone }: ZonedInstant, words: LocalWords): string {
  return words.t('time.wallClockShort', { time: formatTime(instant, zone, words.locale), zone: zoneName(zone, words) });
}

/** The calendar day the instant falls on in `zone`: "Mon, 23 Dec 2019". */
export function describeDay({ instant, zone }: ZonedInstant, words: LocalWords): string {
  return formatDay(instant, zone, words.locale);
}

/** A past moment with its date, as the site's clock read it: "16:30 Damascus, Mon, 23 Dec 2019". */
export function describeMoment(at: ZonedInstant, words: LocalWords): string {
  return words.t('time.moment', { time: describeWallClockShort(at, words), day: describeDay(at, words) });
}

/** Whether two zones read the same wall clock at that instant, so showing both would say it twice. */
export function sameWallClock({ instant, zone, other }: { instant: string | Date; zone: string; other: string }): boolean {
  const here = wallClockAt(instant, zone);
  const there = wallClockAt(instant, other);
  return here.date === there.date && here.time === there.time && here.offset === there.offset;
}

/**
 * The house convention for an instant (README, "Times and dates"): the site's wall clock with the
 * zone named and the date, "16:30 Damascus, Mon, 23 Dec 2019"; a moment of today on the site's
 * calendar may drop the date, and then says so, "16:30 Damascus today".
 */
export function describeInstant({ instant, zone, now }: ZonedInstant & { now: Date }, words: LocalWords): string {
  if (wallClockAt(instant, zone).date === wallClockAt(now, zone).date) {
    return words.t('time.today', { time: describeWallClockShort({ instant, zone }, words) });
  }
  return describeMoment({ instant, zone }, words);
}

/**
 * The same instant on the viewer's own clock, labelled, where it reads otherwise than the site's:
 * "06:30 your time", with the day too when the viewer's day is another one. Undefined when both
 * clocks agree, so it is not said twice.
 */
export function describeViewerTime({ instant, zone, viewerZone }: ZonedInstant & { viewerZone: string }, words: LocalWords): string | undefined {
  if (sameWallClock({ instant, zone, other: viewerZone })) return undefined;
  const time = formatTime(instant, viewerZone, words.locale);
  const sameDay = wallClockAt(instant, zone).date === wallClockAt(instant, viewerZone).date;
  return words.t('time.yourTime', { time: sameDay ? time : words.t('time.moment', { time, day: describeDay({ instant, zone: viewerZone }, words) }) });
}
