import { parseTypedNumber, toAsciiDigits } from './parse-number';

describe('parseTypedNumber', () => {
  const sut = parseTypedNumber;

  it('reads Arabic-Indic digits as the number they write', () => {
    expect(sut('١٢٠')).toBe(120);
  });

  it('reads the digits of a Persian or Urdu keyboard too', () => {
    expect(sut('۱۲۰')).toBe(120);
  });

  it('reads Latin digits, with spaces around them', () => {
    expect(sut(' 120 ')).toBe(120);
  });

  it('drops thousands separators, Arabic ones included', () => {
    expect(sut('20,000')).toBe(20_000);
    expect(sut('٢٠٬٠٠٠')).toBe(20_000);
  });

  it('reads the Arabic decimal separator', () => {
    expect(sut('٢٫٥')).toBe(2.5);
  });

  it('reads Turkish numbers the Turkish way', () => {
    expect(sut('20.000', 'tr')).toBe(20_000);
    expect(sut('2,5', 'tr')).toBe(2.5);
  });

  it('reads a negative number, whatever the minus sign', () => {
    expect(sut('-5')).toBe(-5);
    expect(sut('−5')).toBe(-5);
  });

  it('answers null for an empty field', () => {
    expect(sut('')).toBeNull();
    expect(sut('  ')).toBeNull();
    expect(sut(null)).toBeNull();
  });

  it('answers NaN for what is not a number, so that validators refuse it', () => {
    expect(sut('12a')).toBeNaN();
    expect(sut('1,2,3')).toBeNaN();
    expect(sut('twelve')).toBeNaN();
  });
});

describe('toAsciiDigits', () => {
  it('leaves other characters as they are', () => {
    expect(toAsciiDigits('SY٠٧ ۲')).toBe('SY07 2');
  });
});
