import { CampStatus } from './camp';

/**
 * Which status a camp may move to from each status. A closed camp stays closed: it keeps its
 * history for reports, and a site that reopens is a new record with its own figures.
 */
export const CAMP_STATUS_TRANSITIONS: Readonly<Record<CampStatus, readonly CampStatus[]>> = {
  planned: ['open', 'closed'],
  open: ['full', 'closed'],
  full: ['open', 'closed'],
  closed: [],
};

export function canCampMove({ from, to }: { from: CampStatus; to: CampStatus }): boolean {
  return from === to || CAMP_STATUS_TRANSITIONS[from].includes(to);
}
