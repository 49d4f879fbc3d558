import { GoNoGoReason } from '@relief-ledger/domain';

import { wordsFor } from '../core/i18n/testing/test-translations';
import { describeGoNoGoReason } from './go-no-go';

const ZONE = 'Asia/Damascus';

describe('describeGoNoGoReason', () => {
  const sut = describeGoNoGoReason;

  it('says each reason from its code, with the times on the route clock', () => {
    const reasons: GoNoGoReason[] = [
      { code: 'no_window', message: 'No pause window in force covers this route for the trip' },
      {
        code: 'window_ends_before_arrival',
        message: 'The window does not cover the whole trip: 45 min exposed from 2019-12-23T16:00:00.000Z (arrival plus safety margin)',
        params: { minutes: 45, from: '2019-12-23T16:00:00.000Z' },
      },
      { code: 'window_violated', message: 'A pause window on this route was violated at 2019-12-23T13:40:00.000Z', params: { at: '2019-12-23T13:40:00.000Z' } },
      { code: 'overdue_convoys', message: '2 convoy(s) on this route missed their check-in', params: { count: 2 } },
    ];

    expect(reasons.map((reason) => sut(reason, ZONE, wordsFor('en')))).toEqual([
      'No pause window in force covers this route for the trip',
      'The window does not cover the whole trip: 45 min exposed from 18:00 Damascus (arrival plus safety margin)',
      'A pause window on this route was violated at 15:40 Damascus',
      '2 convoys on this route missed their check-in',
    ]);
  });

  it('names the kinds of the recent incidents, counted', () => {
    const reason: GoNoGoReason = {
      code: 'recent_incident',
      message: '3 incident(s) on this route in the last 24 h (airstrike, shelling)',
      params: { count: 3, hours: 24, kinds: 'airstrike,shelling' },
    };

    expect(sut(reason, ZONE, wordsFor('en'))).toBe('3 incidents on this route in the last 24 h (airstrike and shelling)');
    expect(sut({ ...reason, params: { count: 1, hours: 24, kinds: 'airstrike' } }, ZONE, wordsFor('en'))).toBe('1 incident on this route in the last 24 h (airstrike)');
    expect(sut(reason, ZONE, wordsFor('ar'))).toBe('3 حوادث على هذا الطريق خلال آخر 24 ساعة (غارة جوية وقصف مدفعي)');
    expect(sut(reason, ZONE, wordsFor('tr'))).toBe('Son 24 saatte bu güzergâhta 3 olay (hava saldırısı ve top atışı)');
  });

  it('counts in Arabic with its plural forms, and its digits when chosen', () => {
    const overdue = (count: number) => sut({ code: 'overdue_convoys', message: '', params: { count } }, ZONE, wordsFor('ar'));

    expect(overdue(1)).toBe('قافلة واحدة على هذا الطريق تأخّرت عن الإبلاغ عن موقعها');
    expect(overdue(2)).toBe('قافلتان على هذا الطريق تأخّرتا عن الإبلاغ عن موقعهما');
    expect(overdue(3)).toBe('3 قوافل على هذا الطريق تأخّرت عن الإبلاغ عن مواقعها');
    expect(overdue(11)).toBe('11 قافلة على هذا الطريق تأخّرت عن الإبلاغ عن مواقعها');
    expect(sut({ code: 'overdue_convoys', message: '', params: { count: 12 } }, ZONE, wordsFor('ar', 'arab'))).toContain('١٢ قافلة');
  });

  it("falls back to the server's English for an unknown code, or a reason without its parameters", () => {
    const unknown = { code: 'road_closed', message: 'The road is closed' } as unknown as GoNoGoReason;

    expect(sut(unknown, ZONE, wordsFor('ar'))).toBe('The road is closed');
    expect(sut({ code: 'overdue_convoys', message: '1 convoy(s) on this route missed their check-in' }, ZONE, wordsFor('tr'))).toBe(
      '1 convoy(s) on this route missed their check-in',
    );
  });
});
