import { formatMessage } from './icu-message';
import { FormatLocale } from './intl-format';

const EN: FormatLocale = { lang: 'en', digits: 'latn' };
const AR: FormatLocale = { lang: 'ar', digits: 'latn' };
const AR_DIGITS: FormatLocale = { lang: 'ar', digits: 'arab' };
const TR: FormatLocale = { lang: 'tr', digits: 'latn' };

describe('formatMessage', () => {
  const sut = formatMessage;

  it('fills parameters, numbers with the language grouping', () => {
    expect(sut('Only {available} available; {requested} requested', { available: 1200, requested: 20000 }, EN)).toBe(
      'Only 1,200 available; 20,000 requested',
    );
    expect(sut('{available} mevcut', { available: 1200 }, TR)).toBe('1.200 mevcut');
  });

  it('writes numbers in Arabic-Indic digits when the user chose them', () => {
    expect(sut('{n}', { n: 120 }, AR_DIGITS)).toBe('١٢٠');
    expect(sut('{n}', { n: 120 }, AR)).toBe('120');
  });

  it('leaves a parameter it was not given visible', () => {
    expect(sut('No camp with id {id}', {}, EN)).toBe('No camp with id {id}');
  });

  it('isolates Latin text inside Arabic so that it keeps its order', () => {
    expect(sut('لا يوجد مخيم باسم {name}', { name: 'Atmeh 2' }, AR)).toBe('لا يوجد مخيم باسم \u2068Atmeh 2\u2069');
    expect(sut('مخيم {name}', { name: 'أطمة' }, AR)).toBe('مخيم أطمة');
  });

  it('chooses English plural forms, exact numbers first', () => {
    const message = '{n, plural, =0 {no days} one {# day} other {# days}}';
    expect([0, 1, 2, 1000].map((n) => sut(message, { n }, EN))).toEqual(['no days', '1 day', '2 days', '1,000 days']);
  });

  it('chooses among the six Arabic plural forms', () => {
    const message = '{n, plural, zero {لا أيام} one {يوم واحد} two {يومان} few {# أيام} many {# يومًا} other {# يوم}}';
    expect([0, 1, 2, 3, 11, 100].map((n) => sut(message, { n }, AR))).toEqual(['لا أيام', 'يوم واحد', 'يومان', '3 أيام', '11 يومًا', '100 يوم']);
  });

  it('selects by a code', () => {
    const message = '{status, select, planned {Planned} departed {On the road} other {{status}}}';
    expect(sut(message, { status: 'departed' }, EN)).toBe('On the road');
    expect(sut(message, { status: 'parked' }, EN)).toBe('parked');
  });

  it('nests a plural inside a select', () => {
    const message = '{kind, select, tent {{n, plural, one {# tent} other {# tents}}} other {#}}';
    expect(sut(message, { kind: 'tent', n: 1 }, EN)).toBe('1 tent');
  });

  it('keeps apostrophes, and quotes braces', () => {
    expect(sut("Türkiye'de {n} kamp", { n: 2 }, TR)).toBe("Türkiye'de 2 kamp");
    expect(sut("Write '{name}' as it is, it''s fine", {}, EN)).toBe("Write {name} as it is, it's fine");
  });

  it('refuses a message that cannot be read, naming it', () => {
    expect(() => sut('{n, plural, one {# day}}', { n: 1 }, EN)).toThrow(/no "other" case/);
    expect(() => sut('{n, plural, other {x}', { n: 1 }, EN)).toThrow(/cannot be read/);
  });
});
