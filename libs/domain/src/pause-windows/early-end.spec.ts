import { earlyEndRefusal } from './early-end';

// 08:00 to 18:00 in Damascus on 23 December 2019 (UTC+2).
const sut = (endedAt: string, now = '2019-12-23T20:00:00Z') => earlyEndRefusal({ startsAt: '2019-12-23T06:00:00Z', endsAt: '2019-12-23T16:00:00Z' }, endedAt, new Date(now));

describe('earlyEndRefusal', () => {
  it('accepts a time inside the window, in the past', () => {
    expect(sut('2019-12-23T12:00:00Z')).toBeNull();
  });

  it('accepts now itself', () => {
    expect(sut('2019-12-23T12:00:00Z', '2019-12-23T12:00:00Z')).toBeNull();
  });

  it('refuses a time still to come', () => {
    expect(sut('2019-12-23T12:00:01Z', '2019-12-23T12:00:00Z')).toBe('in_the_future');
  });

  it('refuses the start itself and before it', () => {
    expect(sut('2019-12-23T06:00:00Z')).toBe('not_after_start');
    expect(sut('2019-12-23T05:00:00Z')).toBe('not_after_start');
  });

  it('refuses the announced end and after it: that is not early', () => {
    expect(sut('2019-12-23T16:00:00Z')).toBe('not_before_end');
    expect(sut('2019-12-23T17:00:00Z')).toBe('not_before_end');
  });
});
