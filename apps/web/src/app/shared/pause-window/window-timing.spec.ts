import { windowClock } from './window-timing';
import { wordsFor } from '../../core/i18n/testing/test-translations';

describe('windowClock', () => {
  const sut = windowClock;
  // "Until 18:00 local" on 23 December 2019 in Damascus: 16:00 UTC.
  const window = { startsAt: '2019-12-23T10:00:00.000Z', endsAt: '2019-12-23T16:00:00.000Z', violatedAt: null };

  it('counts down to the start of an upcoming window', () => {
    expect(sut(window, new Date('2019-12-23T08:00:00.000Z'), wordsFor('en'))).toEqual({ status: 'upcoming', countdown: 'starts in 2 h 00 min', endingSoon: false });
  });

  it('counts down to the end of a window in force', () => {
    expect(sut(window, new Date('2019-12-23T14:00:00.000Z'), wordsFor('en'))).toEqual({ status: 'in_force', countdown: 'ends in 2 h 00 min', endingSoon: false });
  });

  it('says when a window in force is about to end', () => {
    expect(sut(window, new Date('2019-12-23T15:50:00.000Z'), wordsFor('en'))).toMatchObject({ countdown: 'ends in 10 min 00 s', endingSoon: true });
  });

  it('says how long ago a window ended', () => {
    expect(sut(window, new Date('2019-12-23T16:05:00.000Z'), wordsFor('en'))).toMatchObject({ status: 'ended', countdown: 'ended 5 min 00 s ago' });
  });

  it('counts nothing down for a violated window', () => {
    expect(sut({ ...window, violatedAt: '2019-12-23T13:00:00.000Z' }, new Date('2019-12-23T14:00:00.000Z'), wordsFor('en'))).toEqual({ status: 'violated', endingSoon: false });
  });
});
