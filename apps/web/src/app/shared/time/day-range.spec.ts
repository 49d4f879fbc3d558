import { dayRangeToInstants } from './day-range';

describe('dayRangeToInstants', () => {
  const sut = dayRangeToInstants;

  it("starts at the beginning of the first day and ends at the beginning of the day after the last, on the site's clock", () => {
    // Damascus was UTC+2 in winter 2019, whatever zone the browser is set to.
    expect(sut({ from: '2019-12-24', to: '2019-12-31', zone: 'Asia/Damascus' })).toEqual({ from: '2019-12-23T22:00:00.000Z', to: '2019-12-31T22:00:00.000Z' });
    // UTC+3 since late 2022.
    expect(sut({ from: '2026-11-30', zone: 'Asia/Damascus' })).toEqual({ from: '2026-11-29T21:00:00.000Z' });
  });

  it('leaves out days that are missing or not days', () => {
    expect(sut({ from: 'yesterday', to: undefined, zone: 'Asia/Damascus' })).toEqual({});
  });
});
