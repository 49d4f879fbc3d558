import { isChunkLoadError } from './is-chunk-load-error';

describe('isChunkLoadError', () => {
  it.each([
    ['Chromium', new TypeError('Failed to fetch dynamically imported module: https://app.example/chunk-ABCD1234.js')],
    ['Firefox', new TypeError('error loading dynamically imported module: https://app.example/chunk-ABCD1234.js')],
    ['Safari', new TypeError('Importing a module script failed.')],
    ['webpack', Object.assign(new Error('Loading chunk 42 failed.'), { name: 'ChunkLoadError' })],
  ])('recognises a chunk that did not arrive in %s', (_browser, sut) => {
    expect(isChunkLoadError(sut)).toBe(true);
  });

  it('leaves other errors to the usual handling', () => {
    expect(isChunkLoadError(new TypeError("Cannot read properties of undefined (reading 'id')"))).toBe(false);
    expect(isChunkLoadError(undefined)).toBe(false);
  });
});
