import { wordsFor } from '../core/i18n/testing/test-translations';
import { aFoodParcel } from '../shared/lookups/testing/lookup-fixtures';
import { countDifference, describeCountDifference, signedFigure } from './count-difference';

describe('countDifference', () => {
  const sut = countDifference;

  it('is what was counted less what the ledger holds', () => {
    expect(sut({ level: 120, counted: 100 })).toBe(-20);
    expect(sut({ level: 120, counted: 125 })).toBe(5);
    expect(sut({ level: 120, counted: 120 })).toBe(0);
  });

  it('counts an empty shelf, and an item the ledger never held', () => {
    expect(sut({ level: 40, counted: 0 })).toBe(-40);
    expect(sut({ level: 0, counted: 12 })).toBe(12);
  });

  it('says nothing until a whole, non-negative figure is typed', () => {
    expect(sut({ level: 40, counted: null })).toBeUndefined();
    expect(sut({ level: 40, counted: 2.5 })).toBeUndefined();
    expect(sut({ level: 40, counted: -1 })).toBeUndefined();
  });
});

describe('describeCountDifference', () => {
  const sut = describeCountDifference;
  const item = aFoodParcel();

  it('says before saving what the ledger will record', () => {
    expect(sut({ delta: -20, item }, wordsFor('en'))).toBe(
      '20 family food parcels fewer than the ledger holds: it will record an adjustment of \u2066\u221220\u2069',
    );
    expect(sut({ delta: 1_500, item }, wordsFor('en'))).toBe(
      '1,500 family food parcels more than the ledger holds: it will record an adjustment of \u2066+1,500\u2069',
    );
  });

  it('says a matching count records nothing (the API refuses an adjustment of nothing)', () => {
    expect(sut({ delta: 0, item }, wordsFor('en'))).toBe('The count matches the ledger: nothing to record');
  });

  it('says it in Arabic with Arabic-Indic digits, the signed figure kept left to right, and in Turkish', () => {
    expect(sut({ delta: -20, item }, wordsFor('ar', 'arab'))).toBe('أقل مما في السجل بـ ٢٠: سيُسجَّل تعديل قدره \u2066\u2212٢٠\u2069');
    expect(sut({ delta: 5, item }, wordsFor('tr'))).toBe('Defterdekinden 5 fazla: defter \u2066+5\u2069 tutarında bir düzeltme kaydedecek');
  });
});

describe('signedFigure', () => {
  it('uses a true minus sign and a plus, as the ledger does', () => {
    expect(signedFigure(-3, wordsFor('en'))).toBe('\u2066\u22123\u2069');
    expect(signedFigure(3, wordsFor('en'))).toBe('\u2066+3\u2069');
  });
});
