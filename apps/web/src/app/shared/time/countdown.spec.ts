import { wordsFor } from '../../core/i18n/testing/test-translations';
import { countdownTo, formatDuration } from './countdown';

const EN = wordsFor('en');

describe('formatDuration', () => {
  const sut = formatDuration;

  it('counts seconds under a minute', () => {
    expect(sut(40_900, EN)).toBe('40 s');
  });

  it('counts minutes and seconds under an hour', () => {
    expect(sut(12 * 60_000 + 5_000, EN)).toBe('12 min 05 s');
  });

  it('counts hours and minutes under a day, dropping the seconds', () => {
    expect(sut(2 * 3_600_000 + 5 * 60_000 + 59_000, EN)).toBe('2 h 05 min');
  });

  it('counts days and hours beyond a day', () => {
    expect(sut(28 * 3_600_000, EN)).toBe('1 d 04 h');
  });

  it('reads a negative length as none', () => {
    expect(sut(-5_000, EN)).toBe('0 s');
  });

  it('speaks Arabic and Turkish, in the digits chosen', () => {
    expect(sut(2 * 3_600_000 + 5 * 60_000, wordsFor('ar'))).toBe('2 س 05 د');
    expect(sut(2 * 3_600_000 + 5 * 60_000, wordsFor('ar', 'arab'))).toBe('٢ س ٠٥ د');
    expect(sut(12 * 60_000 + 5_000, wordsFor('tr'))).toBe('12 dk 05 sn');
  });
});

describe('countdownTo', () => {
  const sut = countdownTo;
  const now = new Date('2019-12-23T15:00:00.000Z');

  it('says how long until a time ahead', () => {
    expect(sut({ target: '2019-12-23T16:00:00.000Z', now }, EN)).toEqual({ text: 'in 1 h 00 min', duration: '1 h 00 min', past: false });
  });

  it('says how long ago a time passed', () => {
    expect(sut({ target: new Date('2019-12-23T14:55:30.000Z'), now }, EN)).toEqual({ text: '4 min 30 s ago', duration: '4 min 30 s', past: true });
  });

  it('counts the very moment as passed', () => {
    expect(sut({ target: '2019-12-23T15:00:00.500Z', now }, EN)).toMatchObject({ text: '0 s ago', past: true });
  });

  it('puts "in" and "ago" where the language puts them', () => {
    expect(sut({ target: '2019-12-23T16:00:00.000Z', now }, wordsFor('tr')).text).toBe('1 sa 00 dk sonra');
    expect(sut({ target: '2019-12-23T14:55:30.000Z', now }, wordsFor('ar')).text).toBe('منذ 4 د 30 ث');
  });
});
