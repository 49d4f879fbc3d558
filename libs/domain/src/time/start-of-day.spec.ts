import { startOfDayIn } from './start-of-day';

describe('startOfDayIn', () => {
  const sut = startOfDayIn;

  it('starts 23 December 2019 in Damascus at 22:00 UTC the day before (UTC+2 then)', () => {
    expect(sut({ day: '2019-12-23', zone: 'Asia/Damascus' })).toBe('2019-12-22T22:00:00.000Z');
  });

  it('starts a summer day at UTC+3', () => {
    expect(sut({ day: '2019-07-01', zone: 'Asia/Damascus' })).toBe('2019-06-30T21:00:00.000Z');
  });

  it('starts the day the clocks jumped at midnight at its first real minute, 01:00 local', () => {
    expect(sut({ day: '2019-03-29', zone: 'Asia/Damascus' })).toBe('2019-03-28T22:00:00.000Z');
  });

  it('refuses what is not a day', () => {
    expect(() => sut({ day: 'yesterday', zone: 'Asia/Damascus' })).toThrow(/not a day/);
  });
});
