import { addDays, addMonths, daysBetween, firstOfMonth, mondayOf } from './calendar-days';

describe('calendar days', () => {
  it('adds days across months, years and leap days', () => {
    expect(addDays('2019-12-31', 1)).toBe('2020-01-01');
    expect(addDays('2020-02-28', 1)).toBe('2020-02-29');
    expect(addDays('2020-03-01', -1)).toBe('2020-02-29');
  });

  it('finds the Monday of a week, the day itself on a Monday', () => {
    expect(mondayOf('2019-12-23')).toBe('2019-12-23');
    expect(mondayOf('2019-12-29')).toBe('2019-12-23');
    expect(mondayOf('2020-01-01')).toBe('2019-12-30');
  });

  it('moves by whole months from the first of the month', () => {
    expect(firstOfMonth('2019-12-23')).toBe('2019-12-01');
    expect(addMonths('2019-12-23', -2)).toBe('2019-10-01');
    expect(addMonths('2019-12-31', 1)).toBe('2020-01-01');
    expect(addMonths('2020-03-31', -1)).toBe('2020-02-01');
  });

  it('counts days with both ends included', () => {
    expect(daysBetween('2019-12-01', '2019-12-31')).toBe(31);
    expect(daysBetween('2019-12-02', '2019-12-01')).toBe(0);
  });
});
