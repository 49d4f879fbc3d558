import { stockCover } from './stock-cover';

describe('stockCover', () => {
  const sut = stockCover;

  it('gives the days the level lasts at the last 14 days\' rate', () => {
    expect(sut({ level: 700, outflowInWindow: 1400, thresholdDays: 7, shortCamps: 0 })).toEqual({ dailyOutflow: 100, daysOfCover: 7, alert: null });
  });

  it('flags fewer days of cover than the threshold', () => {
    expect(sut({ level: 699, outflowInWindow: 1400, thresholdDays: 7, shortCamps: 0 })).toMatchObject({ daysOfCover: 6, alert: 'low_cover' });
  });

  it('has no days of cover when nothing went out, and no alert for a level nobody draws on', () => {
    expect(sut({ level: 50, outflowInWindow: 0, thresholdDays: 7, shortCamps: 0 })).toEqual({ dailyOutflow: 0, daysOfCover: null, alert: null });
  });

  it('flags an empty level while camps it supplies are short, even with no recent outflow', () => {
    expect(sut({ level: 0, outflowInWindow: 0, thresholdDays: 7, shortCamps: 2 })).toMatchObject({ alert: 'empty_while_camps_short' });
  });

  it('does not flag an empty level nobody is short of, with no outflow', () => {
    expect(sut({ level: 0, outflowInWindow: 0, thresholdDays: 7, shortCamps: 0 }).alert).toBeNull();
  });
});
