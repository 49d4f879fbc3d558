import { Problem } from '@relief-ledger/domain';

import { wordsFor } from '../i18n/testing/test-translations';
import { describeFieldError, describeProblem } from './describe-problem';

/** Not enough stock, as the API answers it: 409 with the numbers in `params`. */
const NOT_ENOUGH_STOCK: Problem = {
  type: 'about:blank',
  title: 'Not enough stock',
  status: 409,
  code: 'stock.insufficient',
  params: { available: 1200, requested: 20000 },
  detail: 'Only 1,200 available at this stock point; 20,000 requested',
  errors: [{ field: 'quantity', reason: 'only 1,200 available', code: 'field.insufficient', params: { available: 1200 } }],
};

describe('describeProblem', () => {
  const sut = describeProblem;

  it('says "not enough stock" in English, with its numbers', () => {
    expect(sut(NOT_ENOUGH_STOCK, wordsFor('en'))).toBe('Only 1,200 available at this stock point; 20,000 requested');
  });

  it('says it in Arabic, with Latin digits by default and Arabic-Indic ones when chosen', () => {
    expect(sut(NOT_ENOUGH_STOCK, wordsFor('ar'))).toBe('المتوفر في نقطة المخزون هذه 1,200 فقط؛ والمطلوب 20,000');
    expect(sut(NOT_ENOUGH_STOCK, wordsFor('ar', 'arab'))).toBe('المتوفر في نقطة المخزون هذه ١٬٢٠٠ فقط؛ والمطلوب ٢٠٬٠٠٠');
  });

  it('says it in Turkish, with Turkish thousands separators', () => {
    expect(sut(NOT_ENOUGH_STOCK, wordsFor('tr'))).toBe('Bu stok noktasında yalnızca 1.200 mevcut; 20.000 istendi');
  });

  it("falls back to the server's words for a code this app does not know", () => {
    expect(sut({ type: 'about:blank', title: 'Odd', status: 422, code: 'camp.brand_new', detail: 'Something new' }, wordsFor('ar'))).toBe('Something new');
    expect(sut({ type: 'about:blank', title: 'Odd', status: 422 }, wordsFor('ar'))).toBe('Odd');
  });

  it('falls back to the server\'s words when a parameter did not come', () => {
    expect(sut({ type: 'about:blank', title: 'Throttled', status: 429, code: 'auth.throttled', detail: 'Too many failed sign-ins' }, wordsFor('tr'))).toBe(
      'Too many failed sign-ins',
    );
  });

  it('names statuses in the language, and gives the precise reason of a refused transition', () => {
    const refused: Problem = {
      type: 'about:blank',
      title: 'Status change not allowed',
      status: 409,
      code: 'convoy.illegal_transition',
      params: { from: 'arrived', to: 'departed' },
      errors: [{ field: 'status', reason: 'The convoy is arrived: …', code: 'convoy.transition.final', params: { from: 'arrived', to: 'departed' } }],
    };

    expect(sut(refused, wordsFor('en'))).toBe('The convoy is Arrived: that is final, so it cannot become On the road');
    expect(sut(refused, wordsFor('ar'))).toBe('حالة القافلة «وصلت» وهي نهائية، فلا يمكن أن تصبح «على الطريق»');
  });

  it("translates the API's words in parameters", () => {
    const unknown: Problem = { type: 'about:blank', title: 'Unknown stock point', status: 422, code: 'distribution.unknown_reference', params: { what: 'stock point' } };

    expect(sut(unknown, wordsFor('tr'))).toBe('Kuruluşunuzda bu kimlikte stok noktası yok');
  });

  it('counts problems of an import with Arabic plural forms', () => {
    const invalid = (count: number): Problem => ({ type: 'about:blank', title: 'Invalid', status: 422, code: 'distribution.import_invalid', params: { count } });

    expect(sut(invalid(2), wordsFor('ar'))).toMatch(/^مشكلتان في الملف/);
    expect(sut(invalid(11), wordsFor('ar'))).toMatch(/^11 مشكلة في الملف/);
  });
});

describe('describeFieldError', () => {
  it('gives the reason under the field in the language, with its number', () => {
    expect(describeFieldError(NOT_ENOUGH_STOCK.errors![0], wordsFor('ar'))).toBe('المتوفر 1,200 فقط');
    expect(describeFieldError({ field: 'name', reason: 'must be at most 200 characters', code: 'field.max_length', params: { max: 200 } }, wordsFor('en'))).toBe(
      'must be at most 200 characters',
    );
  });

  it("keeps the server's reason for a reason without a code", () => {
    expect(describeFieldError({ field: 'newPassword', reason: 'is too common' }, wordsFor('tr'))).toBe('is too common');
  });
});
