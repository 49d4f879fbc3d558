import { readChoice, readPage, readPositiveWhole } from './list-query';

describe('list query readers', () => {
  it('read a whole number above zero, and nothing else', () => {
    expect(readPositiveWhole('3')).toBe(3);
    expect(readPositiveWhole('0')).toBeUndefined();
    expect(readPositiveWhole('2.5')).toBeUndefined();
    expect(readPositiveWhole(undefined)).toBeUndefined();
  });

  it('read one of the choices, and nothing else', () => {
    expect(readChoice('departed', ['planned', 'departed'])).toBe('departed');
    expect(readChoice('lost', ['planned', 'departed'])).toBeUndefined();
  });

  it('read the page asked for, within the sizes the API serves', () => {
    expect(readPage({})).toEqual({ page: 1, pageSize: 20 });
    expect(readPage({ page: '2', pageSize: '1000' })).toEqual({ page: 2, pageSize: 100 });
  });
});
