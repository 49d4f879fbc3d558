import { preferredLanguage } from './languages';

describe('preferredLanguage', () => {
  const sut = preferredLanguage;

  it('takes the first language the app speaks, by its base', () => {
    expect(sut(['ar-SY', 'en-GB'])).toBe('ar');
    expect(sut(['de-DE', 'tr-TR', 'ar'])).toBe('tr');
  });

  it('reads Accept-Language tags with their weights', () => {
    expect(sut('fr;q=0.9, ar-SY;q=0.8'.split(','))).toBe('ar');
  });

  it('falls back to English', () => {
    expect(sut(['de', 'fr'])).toBe('en');
    expect(sut([])).toBe('en');
  });
});
