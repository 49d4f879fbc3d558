import { describeQuantity } from './describe-quantity';
import { wordsFor } from '../../core/i18n/testing/test-translations';

describe('describeQuantity', () => {
  const sut = describeQuantity;

  it('counts an item whose name ends in its unit by its name', () => {
    expect(sut({ quantity: 20, item: { nameEn: 'Family tent', unit: 'tent' } }, wordsFor('en'))).toBe('20 family tents');
  });

  it('keeps the name singular for one', () => {
    expect(sut({ quantity: 1, item: { nameEn: 'Family food parcel', unit: 'parcel' } }, wordsFor('en'))).toBe('1 family food parcel');
  });

  it('counts other items in their unit', () => {
    expect(sut({ quantity: 3000, item: { nameEn: 'Water', unit: 'litre' } }, wordsFor('en'))).toBe('3,000 litres of water');
  });

  it('counts items sold by the piece by their name', () => {
    expect(sut({ quantity: 40, item: { nameEn: 'Blanket', unit: 'piece' } }, wordsFor('en'))).toBe('40 blankets');
  });

  it('spells English plurals of words ending in s, x, ch or a consonant and y', () => {
    expect(sut({ quantity: 2, item: { nameEn: 'Medical box', unit: 'box' } }, wordsFor('en'))).toBe('2 medical boxes');
    expect(sut({ quantity: 2, item: { nameEn: 'Hygiene supply', unit: 'supply' } }, wordsFor('en'))).toBe('2 hygiene supplies');
  });
});
