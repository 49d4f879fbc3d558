import { safeReturnUrl } from './safe-return-url';

describe('safeReturnUrl', () => {
  const sut = safeReturnUrl;

  it.each(['/camps', '/camps/c-1/edit', '/camps?name=Atmeh&page=2', '/admin/users'])('keeps the app path %s', (url) => {
    expect(sut(url)).toBe(url);
  });

  it.each([
    '//evil.example',
    '//evil.example/camps',
    '/\\evil.example',
    'https://evil.example/camps',
    'javascript:alert(1)',
    'camps',
    '/ /evil.example',
    '/\t/evil.example',
    '',
  ])('refuses %j', (url) => {
    expect(sut(url)).toBeUndefined();
  });

  it('refuses the sign-in page itself', () => {
    expect(sut('/sign-in?returnUrl=%2Fcamps')).toBeUndefined();
  });

  it('refuses nothing given', () => {
    expect(sut(undefined)).toBeUndefined();
    expect(sut(null)).toBeUndefined();
  });
});
