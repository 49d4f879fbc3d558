import type { WallClock } from './local-time';

/**
 * A wall-clock reading with the zone's offset then, as RFC 3339 writes it: 14:30 on 23 December
 * 2019 in Damascus (UTC+02:00 that day) is `2019-12-23T14:30:00+02:00`. What a phone sends for a
 * time entered on the site's clock: the instant is exact, and the local reading stays legible in
 * logs and the outbox. Take the offset from resolveLocalTime, never from the browser's own zone.
 */
export function zonedTimestamp({ date, time, offset }: WallClock & { offset: string }): string {
  return `${date}T${time}:00${offset}`;
}
