import { readRetryAfter } from './retry-after';

describe('readRetryAfter', () => {
  const sut = readRetryAfter;
  const now = new Date('2019-12-24T10:00:00Z');

  it('adds a number of seconds to now', () => {
    expect(sut({ header: '900', now })).toEqual(new Date('2019-12-24T10:15:00Z'));
  });

  it('reads an HTTP date', () => {
    expect(sut({ header: 'Tue, 24 Dec 2019 10:30:00 GMT', now })).toEqual(new Date('2019-12-24T10:30:00Z'));
  });

  it('says nothing when the header is missing or unreadable', () => {
    expect(sut({ header: null, now })).toBeUndefined();
    expect(sut({ header: 'soon', now })).toBeUndefined();
    expect(sut({ header: '-5', now })).toBeUndefined();
  });
});
