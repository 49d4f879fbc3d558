import { dayRangeToInstants } from './day-range';

describe('dayRangeToInstants', () => {
  const sut = dayRangeToInstants;

  it('starts at the beginning of the first day and ends at the beginning of the day after the last', () => {
    const range = sut({ from: '2019-12-24', to: '2019-12-31' });

    expect(new Date(range.from!)).toEqual(new Date(2019, 11, 24));
    expect(new Date(range.to!)).toEqual(new Date(2020, 0, 1));
  });

  it('leaves out days that are missing or not days', () => {
    expect(sut({ from: 'yesterday', to: undefined })).toEqual({});
  });
});
