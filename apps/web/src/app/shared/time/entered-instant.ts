import { AbstractControl, ValidationErrors, ValidatorFn } from '@angular/forms';
import { wallClockAt, zonedTimestamp } from '@relief-ledger/domain';

import { resolveEntry, WallClockEntry } from './wall-clock-entry';

/**
 * When something happened (a distribution, an incident), typed on the site's wall clock, as the
 * API takes it: RFC 3339 with the zone's offset for that instant (14:30 on 23 Dec 2019 in Damascus
 * is `2019-12-23T14:30:00+02:00`, 12:30 UTC). Never the phone's own zone: a coordinator in
 * Gaziantep entering a Sarmada distribution types Sarmada's time. Undefined while the entry is
 * incomplete, never happened there (clocks sprang forward) or happened twice with no offset chosen.
 */
export function instantOfEntry(entry: WallClockEntry, zone: string): string | undefined {
  const resolution = resolveEntry(entry, zone);
  return resolution?.kind === 'exact' ? zonedTimestamp({ date: entry.date, time: entry.time, offset: resolution.offset }) : undefined;
}

/** Now on the wall clock of `zone`, to the minute (never ahead of now): what the fields start with. */
export function wallClockNow(now: Date, zone: string): WallClockEntry {
  const { date, time } = wallClockAt(now, zone);
  return { date, time, offset: '' };
}

/** What is recorded has happened: a time later than now is a typing mistake. */
export function notLaterThanNow(read: (control: AbstractControl) => { at: string | undefined; now: Date }): ValidatorFn {
  return (control): ValidationErrors | null => {
    const { at, now } = read(control);
    return at !== undefined && Date.parse(at) > now.getTime() ? { later: true } : null;
  };
}
