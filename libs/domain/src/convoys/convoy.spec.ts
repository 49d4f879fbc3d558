import { CONVOY_STATUSES, CONVOY_STATUS_TRANSITIONS, checkConvoyTransition, isOverdue, nextCheckInDue } from './convoy';

describe('checkConvoyTransition', () => {
  const legal: [string, string][] = [
    ['planned', 'departed'],
    ['planned', 'aborted'],
    ['departed', 'arrived'],
    ['departed', 'aborted'],
    ['departed', 'struck'],
  ];

  it('allows exactly planned → departed → arrived, planned/departed → aborted, departed → struck', () => {
    const allowed = CONVOY_STATUSES.flatMap((from) => CONVOY_STATUS_TRANSITIONS[from].map((to) => [from, to]));
    expect(allowed.sort()).toEqual(legal.sort());
  });

  const every = CONVOY_STATUSES.flatMap((from) => CONVOY_STATUSES.map((to) => [from, to] as const));
  it.each(every.filter(([from, to]) => !legal.some(([f, t]) => f === from && t === to)))('refuses %s → %s with a reason', (from, to) => {
    const check = checkConvoyTransition(from, to);
    expect(check.ok).toBe(false);
    expect(check).toMatchObject({ reason: expect.stringMatching(/^(The|A) /) });
  });

  it('says why, in words', () => {
    expect(checkConvoyTransition('planned', 'arrived')).toEqual({
      ok: false,
      reason: 'A planned convoy cannot be arrived before it has departed: record its departure first',
      code: 'convoy.transition.not_departed',
      params: { from: 'planned', to: 'arrived' },
    });
    expect(checkConvoyTransition('struck', 'arrived')).toMatchObject({ reason: 'The convoy is struck: that is final, so it cannot become arrived', code: 'convoy.transition.final' });
    expect(checkConvoyTransition('departed', 'departed')).toMatchObject({ reason: 'The convoy is already on the road', code: 'convoy.transition.same' });
    expect(checkConvoyTransition('departed', 'planned')).toMatchObject({ reason: 'A convoy on the road cannot go back to planned', code: 'convoy.transition.back' });
  });
});

describe('check-ins', () => {
  const onTheRoad = { status: 'departed' as const, departedAt: '2019-12-23T12:00:00Z', lastCheckInAt: null, checkInIntervalMinutes: 30 };

  it('is due one interval after departure, then after each check-in', () => {
    expect(nextCheckInDue(onTheRoad)).toBe('2019-12-23T12:30:00.000Z');
    expect(nextCheckInDue({ ...onTheRoad, lastCheckInAt: '2019-12-23T12:10:00Z' })).toBe('2019-12-23T12:40:00.000Z');
  });

  it('flags a convoy on the road that missed its check-in, and no other', () => {
    expect(isOverdue(onTheRoad, new Date('2019-12-23T12:30:00Z'))).toBe(false);
    expect(isOverdue(onTheRoad, new Date('2019-12-23T12:30:01Z'))).toBe(true);
    expect(isOverdue({ ...onTheRoad, status: 'arrived' }, new Date('2019-12-24T00:00:00Z'))).toBe(false);
    expect(isOverdue({ ...onTheRoad, status: 'planned', departedAt: null }, new Date('2019-12-24T00:00:00Z'))).toBe(false);
  });
});
