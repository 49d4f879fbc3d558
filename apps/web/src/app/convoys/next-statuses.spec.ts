import { CONVOY_STATUSES } from '@relief-ledger/domain';

import { nextStatuses, STATUS_ACTIONS } from './next-statuses';

describe('nextStatuses', () => {
  const sut = nextStatuses;

  it('offers departure or abort to a planned convoy', () => {
    expect(sut('planned')).toEqual(['departed', 'aborted']);
  });

  it('offers arrival, abort or struck to a convoy on the road', () => {
    expect(sut('departed')).toEqual(['arrived', 'aborted', 'struck']);
  });

  it.each(['arrived', 'aborted', 'struck'] as const)('offers nothing once %s, which is final', (status) => {
    expect(sut(status)).toEqual([]);
  });

  it('asks before every final status, and only then', () => {
    const final = CONVOY_STATUSES.filter((status) => sut(status).length === 0);
    for (const status of CONVOY_STATUSES.flatMap(sut)) {
      expect(STATUS_ACTIONS[status].confirm !== undefined).toBe(final.includes(status));
    }
  });
});
