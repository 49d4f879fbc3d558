import { CAMP_STATUSES, CampStatus } from './camp';
import { CAMP_STATUS_TRANSITIONS, canCampMove } from './camp-status-transitions';

describe('canCampMove', () => {
  const legal: Array<[CampStatus, CampStatus]> = [
    ['planned', 'open'],
    ['planned', 'closed'],
    ['open', 'full'],
    ['open', 'closed'],
    ['full', 'open'],
    ['full', 'closed'],
  ];

  it.each(legal)('allows %s -> %s', (from, to) => {
    expect(canCampMove({ from, to })).toBe(true);
  });

  it.each(CAMP_STATUSES)('treats staying %s as no move', (status) => {
    expect(canCampMove({ from: status, to: status })).toBe(true);
  });

  const illegal = CAMP_STATUSES.flatMap((from) =>
    CAMP_STATUSES.filter((to) => to !== from && !CAMP_STATUS_TRANSITIONS[from].includes(to)).map(
      (to): [CampStatus, CampStatus] => [from, to],
    ),
  );

  it('has illegal moves to check', () => {
    expect(illegal).toEqual(
      expect.arrayContaining([
        ['closed', 'open'],
        ['closed', 'planned'],
        ['open', 'planned'],
      ]),
    );
  });

  it.each(illegal)('refuses %s -> %s', (from, to) => {
    expect(canCampMove({ from, to })).toBe(false);
  });
});
