import { checkCampFigures } from './check-camp-figures';

describe('checkCampFigures', () => {
  it('accepts consistent figures', () => {
    const sut = checkCampFigures({ population: 2500, households: 500, capacity: 3000 });
    expect(sut).toEqual([]);
  });

  it('accepts an empty, planned site', () => {
    expect(checkCampFigures({ population: 0, households: 0, capacity: 2500 })).toEqual([]);
  });

  it('refuses more households than people', () => {
    const sut = checkCampFigures({ population: 10, households: 11, capacity: 10 });
    expect(sut).toEqual([
      { field: 'households', reason: expect.stringContaining('cannot exceed population (10)'), code: 'field.households_over_population', params: { households: 11, population: 10 } },
    ]);
  });

  it('refuses people without households', () => {
    const sut = checkCampFigures({ population: 10, households: 0, capacity: 10 });
    expect(sut).toEqual([{ field: 'households', reason: expect.stringContaining('at least 1'), code: 'field.households_required' }]);
  });

  it('allows population above capacity: overcrowding is a fact to report, not an input error', () => {
    expect(checkCampFigures({ population: 5000, households: 1000, capacity: 2500 })).toEqual([]);
  });
});
