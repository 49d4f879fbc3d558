import { REPORT_COLUMNS, REPORTS } from './report-definitions';
import { REPORT_TEXT, reportText } from './report-headers';

describe('report headers in every language', () => {
  const english = [
    ...Object.values(REPORTS).map((r) => r.title),
    ...Object.values(REPORT_COLUMNS).flatMap((columns) => columns.map((c) => c.header)),
    // The stock on hand's fixed columns (the others are stock points' names).
    'Item code', 'Item', 'Unit', 'Total',
  ];

  it.each(['ar', 'tr'] as const)('has every title and header in %s', (language) => {
    expect(english.filter((text) => !REPORT_TEXT[language][text])).toEqual([]);
  });

  it.each(['ar', 'tr'] as const)('has nothing in %s that no report uses', (language) => {
    expect(Object.keys(REPORT_TEXT[language]).filter((text) => !english.includes(text))).toEqual([]);
  });

  it('gives the English back for English, and for a text it does not know', () => {
    expect(reportText('Item code', 'en')).toBe('Item code');
    expect(reportText('Sarmada warehouse', 'ar')).toBe('Sarmada warehouse');
    expect(reportText('Item code', 'ar')).toBe('رمز المادة');
  });
});
