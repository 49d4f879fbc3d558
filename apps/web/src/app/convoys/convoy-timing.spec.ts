import { aRoute } from '../shared/lookups/testing/lookup-fixtures';
import { wordsFor } from '../core/i18n/testing/test-translations';
import { checkInDue, coverCountdown, describeCoverage, routeEnds } from './convoy-timing';
import { aConvoy, NOW } from './testing/convoy-fixtures';

describe('checkInDue', () => {
  const sut = checkInDue;

  it('counts down to the next check-in of a convoy on the road', () => {
    expect(sut(aConvoy({ nextCheckInDueAt: '2019-12-23T14:20:00.000Z' }), NOW, wordsFor('en'))).toEqual({
      dueAt: '2019-12-23T14:20:00.000Z',
      countdown: { text: 'in 20 min 00 s', duration: '20 min 00 s', past: false },
      overdue: false,
    });
  });

  it('marks it overdue once the clock passes the due time, before the server says so', () => {
    const due = sut(aConvoy({ nextCheckInDueAt: '2019-12-23T13:50:00.000Z', overdue: false }), NOW, wordsFor('en'));

    expect(due).toMatchObject({ overdue: true, countdown: { text: '10 min 00 s ago' } });
  });

  it('works the due time out from the last check-in when the server sent none', () => {
    const due = sut(aConvoy({ nextCheckInDueAt: null, lastCheckInAt: '2019-12-23T13:55:00.000Z' }), NOW, wordsFor('en'));

    expect(due?.dueAt).toBe('2019-12-23T14:25:00.000Z');
  });

  it('has nothing for a convoy that is not on the road', () => {
    expect(sut(aConvoy({ status: 'planned', departedAt: null }), NOW, wordsFor('en'))).toBeUndefined();
    expect(sut(aConvoy({ status: 'arrived' }), NOW, wordsFor('en'))).toBeUndefined();
  });
});

describe('coverCountdown', () => {
  const sut = coverCountdown;

  it('counts down to the end of the cover', () => {
    expect(sut({ kind: 'covered', windowIds: ['w'], coveredUntil: '2019-12-23T16:00:00.000Z' }, NOW, wordsFor('en'))).toEqual({
      until: '2019-12-23T16:00:00.000Z',
      countdown: { text: 'in 2 h 00 min', duration: '2 h 00 min', past: false },
    });
  });

  it('has nothing for a trip without cover', () => {
    expect(sut({ kind: 'not_covered', exposedMinutes: 150, exposedFrom: '2019-12-23T13:30:00.000Z' }, NOW, wordsFor('en'))).toBeUndefined();
    expect(sut(null, NOW, wordsFor('en'))).toBeUndefined();
  });
});

describe('describeCoverage', () => {
  it('says how long a partly covered trip is exposed', () => {
    expect(
      describeCoverage({ kind: 'partly_covered', windowIds: ['w'], coveredUntil: null, exposedMinutes: 45, exposedFrom: '2019-12-23T16:00:00.000Z' }, wordsFor('en')),
    ).toBe('Partly covered: 45 min exposed');
    expect(describeCoverage({ kind: 'not_covered', exposedMinutes: 150, exposedFrom: '2019-12-23T13:30:00.000Z' }, wordsFor('en'))).toBe('Not covered');
  });
});

describe('routeEnds', () => {
  it('names the first and last stop', () => {
    expect(routeEnds(aRoute().stops)).toBe("Ma'arat al-Num'an → Sarmada");
    expect(routeEnds([])).toBe('');
  });
});
