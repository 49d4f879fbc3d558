import { neutraliseCell } from './neutralise-cell';

describe('neutraliseCell', () => {
  const sut = neutraliseCell;

  it.each(['=HYPERLINK("http://x","y")', '+1', '-2+3', '@SUM(A1)', '\tx', '\rx'])('prefixes %j with an apostrophe', (value) => {
    expect(sut(value)).toBe(`'${value}`);
  });

  it.each(['Sarmada north camp', 'مخيم سرمدا', '', "it's", ' =not at start'])('leaves %j as it is', (value) => {
    expect(sut(value)).toBe(value);
  });
});
