import { AbstractControl, ValidationErrors, ValidatorFn } from '@angular/forms';
import { LocalTimeResolution, resolveLocalTime } from '@relief-ledger/domain';

export interface WallClockEntry {
  date: string;
  time: string;
  /** Only for a time that happened twice; empty otherwise. */
  offset: string;
}

/** The instant a date and time typed in `zone` stand for, or why they stand for none (or two). Undefined while incomplete. */
export function resolveEntry(entry: WallClockEntry, zone: string): LocalTimeResolution | undefined {
  if (!entry.date || !entry.time) return undefined;
  return resolveLocalTime({ date: entry.date, time: entry.time, ...(entry.offset ? { offset: entry.offset } : {}) }, zone);
}

/**
 * The offsets of a date and time that happened twice in `zone` (the night the clocks went back),
 * whichever of them is chosen: the choice stays on screen once made. Undefined otherwise.
 */
export function repeatedOffsets({ date, time }: Pick<WallClockEntry, 'date' | 'time'>, zone: string): string[] | undefined {
  const resolution = resolveEntry({ date, time, offset: '' }, zone);
  return resolution?.kind === 'ambiguous' ? resolution.candidates.map((candidate) => candidate.offset) : undefined;
}

/**
 * For the time field of a date, time and offset typed on the wall clock of a zone: the time
 * must exist there that day, and one that happened twice needs its offset chosen. `entryOf`
 * reads the entry and the zone from the form, since the zone follows the chosen route.
 */
export function wallClockEntryValidator(entryOf: (control: AbstractControl) => { entry: WallClockEntry; zone: string } | undefined): ValidatorFn {
  return (control): ValidationErrors | null => {
    const read = entryOf(control);
    const resolution = read && resolveEntry(read.entry, read.zone);
    if (!resolution || resolution.kind === 'exact') return null;
    if (resolution.kind === 'ambiguous') return { repeatedHour: resolution.candidates.map((candidate) => candidate.offset) };
    // The refusal with its code and parameters, said in the user's language where it is shown.
    return { wallClock: { message: resolution.message, code: resolution.code, params: resolution.params } };
  };
}
