import { isValidTimeZone, laterTheSameDay, LocalTimeResolution, resolveLocalTime } from '@relief-ledger/domain';

/** A time as typed into the form: the date may be empty, the offset is empty unless chosen. */
export interface AnnouncedEntry {
  date: string;
  time: string;
  offset: string;
}

/**
 * Where an announced time lands, as the API will place it: on its date when one is given, else
 * ("until 18:00") later the same local day as `after`, refused once that has passed (a late entry
 * must name its day rather than roll over to tomorrow). Undefined while the time or zone is not
 * there yet. Read back to the user before sending, so a wrong day shows before it is recorded.
 */
export function placeAnnouncedTime({ entry, zone, after }: { entry: AnnouncedEntry; zone: string; after: Date }): LocalTimeResolution | undefined {
  if (!entry.time || !isValidTimeZone(zone)) return undefined;
  if (entry.date) return resolveLocalTime({ date: entry.date, time: entry.time, ...(entry.offset ? { offset: entry.offset } : {}) }, zone);
  const next = laterTheSameDay(after, entry.time, zone);
  if (next.kind !== 'ambiguous' || !entry.offset) return next;
  const chosen = next.candidates.find((candidate) => candidate.offset === entry.offset);
  return chosen ? { kind: 'exact', ...chosen } : next;
}
