import { wordsFor } from '../core/i18n/testing/test-translations';
import { pageFooterContent } from './page-footer';

describe('pageFooterContent', () => {
  const sut = pageFooterContent;

  it('puts the page counters into the translated footer', () => {
    expect(sut(wordsFor('en'))).toBe("'Page ' counter(page, decimal) ' of ' counter(pages, decimal)");
    expect(sut(wordsFor('tr'))).toBe("'Sayfa ' counter(page, decimal) ' / ' counter(pages, decimal)");
    expect(sut(wordsFor('ar'))).toBe("'صفحة ' counter(page, decimal) ' من ' counter(pages, decimal)");
  });

  it('counts in Arabic-Indic digits for a user who chose them', () => {
    expect(sut(wordsFor('ar', 'arab'))).toBe("'صفحة ' counter(page, arabic-indic) ' من ' counter(pages, arabic-indic)");
  });
});
