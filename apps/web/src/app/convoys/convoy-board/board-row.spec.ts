import { aCheckInEvent, aConvoy, NOW } from '../testing/convoy-fixtures';
import { toBoardRow } from './board-row';
import { wordsFor } from '../../core/i18n/testing/test-translations';

describe('toBoardRow', () => {
  const sut = toBoardRow;

  it("shows a convoy on the road in its route's local time, with its check-in and cover countdowns", () => {
    const row = sut({ convoy: aConvoy({ nextCheckInDueAt: '2019-12-23T14:20:00.000Z' }), now: NOW, words: wordsFor('en') });

    expect(row).toMatchObject({
      route: "Ma'arat al-Num'an → Sarmada",
      departure: '15:30 Damascus today',
      checkIn: { dueLocal: '16:20 Damascus', overdue: false, countdown: { text: 'in 20 min 00 s' } },
      cover: { untilLocal: '18:00 Damascus', countdown: { text: 'in 2 h 00 min' } },
    });
    expect(row.lastCheckIn).toBeUndefined();
  });

  it('names the place of the last check-in the live stream brought', () => {
    const row = sut({ convoy: aConvoy({ lastCheckInAt: '2019-12-23T13:55:00.000Z' }), now: NOW, lastReport: aCheckInEvent(), words: wordsFor('en') });

    expect(row.lastCheckIn).toBe('15:55 Damascus today · Ariha checkpoint');
  });

  it('shows a newer check-in from the stream before the list has caught up', () => {
    const row = sut({ convoy: aConvoy({ lastCheckInAt: null }), now: NOW, lastReport: aCheckInEvent(), words: wordsFor('en') });

    expect(row.lastCheckIn).toBe('15:55 Damascus today · Ariha checkpoint');
  });

  it('leaves out a place the list has since moved past', () => {
    const row = sut({ convoy: aConvoy({ lastCheckInAt: '2019-12-23T14:10:00.000Z' }), now: NOW, lastReport: aCheckInEvent(), words: wordsFor('en') });

    expect(row.lastCheckIn).toBe('16:10 Damascus today');
  });

  it('shows the planned departure of a convoy not yet on the road, and no check-in', () => {
    const row = sut({ convoy: aConvoy({ status: 'planned', departedAt: null, plannedDepartureAt: '2019-12-23T15:00:00.000Z' }), now: NOW, words: wordsFor('en') });

    expect(row.departure).toBe('17:00 Damascus today');
    expect(row.checkIn).toBeUndefined();
  });

  it('gives a departure of another day its date, not the time alone', () => {
    const row = sut({ convoy: aConvoy({ departedAt: '2019-12-23T08:05:00.000Z' }), now: new Date('2026-11-29T22:00:00.000Z'), words: wordsFor('en') });

    expect(row.departure).toBe('10:05 Damascus, Mon, 23 Dec 2019');
  });
});
