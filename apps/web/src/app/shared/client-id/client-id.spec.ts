import { randomClientId } from './client-id';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('randomClientId', () => {
  const sut = randomClientId;

  afterEach(() => jest.restoreAllMocks());

  it('makes a version 4 UUID, a new one each time', () => {
    const first = sut();

    expect(first).toMatch(UUID_V4);
    expect(sut()).not.toBe(first);
  });

  it('still makes one where randomUUID is missing (plain HTTP, not a secure context)', () => {
    const randomUUID = crypto.randomUUID;
    Object.defineProperty(crypto, 'randomUUID', { value: undefined, configurable: true });
    try {
      expect(sut()).toMatch(UUID_V4);
    } finally {
      Object.defineProperty(crypto, 'randomUUID', { value: randomUUID, configurable: true });
    }
  });
});
