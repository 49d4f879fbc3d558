import { shelterCoverage } from './shelter-coverage';

describe('shelterCoverage', () => {
  it('counts the tents still needed at the new camp of the design case', () => {
    const sut = shelterCoverage({ households: 840, tentsOnSite: 500 });
    expect(sut).toEqual({ households: 840, tentsOnSite: 500, tentsNeeded: 340, coveredShare: 500 / 840 });
  });

  it('never needs a negative number of tents', () => {
    expect(shelterCoverage({ households: 100, tentsOnSite: 120 })).toMatchObject({ tentsNeeded: 0, coveredShare: 1 });
  });

  it('treats an empty site as covered', () => {
    expect(shelterCoverage({ households: 0, tentsOnSite: 0 })).toMatchObject({ tentsNeeded: 0, coveredShare: 1 });
  });
});
