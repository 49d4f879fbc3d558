import type { PauseWindowChange, PauseWindowChangedField } from './pause-window-contract';

/** What a history entry compares: routes and areas by id, named for people. */
export interface WindowState {
  announcedBy: string;
  sourceText: string;
  zone: string;
  startsAt: string;
  endsAt: string;
  routes: readonly { id: string; name: string }[];
  areas: readonly { id: string; name: string }[];
}

const SCALARS = ['announcedBy', 'sourceText', 'zone'] as const satisfies readonly PauseWindowChangedField[];
const INSTANTS = ['startsAt', 'endsAt'] as const satisfies readonly PauseWindowChangedField[];
const LISTS = ['routes', 'areas'] as const satisfies readonly PauseWindowChangedField[];

const sameIds = (a: readonly { id: string }[], b: readonly { id: string }[]) =>
  a.length === b.length && a.every((x) => b.some((y) => y.id === x.id));

/** The fields that differ, in a fixed order; instants compared as instants, lists as sets. */
export function windowChanges(before: WindowState, after: WindowState): PauseWindowChange[] {
  const changes: PauseWindowChange[] = [];
  for (const field of SCALARS) {
    if (before[field] !== after[field]) changes.push({ field, from: before[field], to: after[field] });
  }
  for (const field of INSTANTS) {
    if (Date.parse(before[field]) !== Date.parse(after[field])) {
      changes.push({ field, from: new Date(before[field]).toISOString(), to: new Date(after[field]).toISOString() });
    }
  }
  for (const field of LISTS) {
    if (!sameIds(before[field], after[field])) changes.push({ field, from: before[field].map((x) => x.name), to: after[field].map((x) => x.name) });
  }
  return changes;
}

/**
 * The window's violation before and after an early end or a correction, as a change of its own
 * (when it was broken; '' for not broken), or undefined when it is the same.
 */
export function violationChange(before: string | null, after: string | null): PauseWindowChange | undefined {
  const same = before === null || after === null ? before === after : Date.parse(before) === Date.parse(after);
  if (same) return undefined;
  return { field: 'violatedAt', from: before === null ? '' : new Date(before).toISOString(), to: after === null ? '' : new Date(after).toISOString() };
}
