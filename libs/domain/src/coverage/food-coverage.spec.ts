import { daysFed, foodCoverage } from './food-coverage';

describe('foodCoverage', () => {
  it('turns packages into days for the whole camp', () => {
    // 840 parcels × 5 persons × 30 days = 126,000 person-days for 4,200 people = 30 days.
    const sut = foodCoverage({ population: 4_200, packages: 840, personsPerPackage: 5, daysPerPackage: 30 });
    expect(sut).toEqual({ population: 4_200, packages: 840, personDays: 126_000, days: 30 });
  });

  it('rounds down: a part-fed day is not a fed day', () => {
    expect(foodCoverage({ population: 1_000, packages: 100, personsPerPackage: 5, daysPerPackage: 30 }).days).toBe(15);
    expect(foodCoverage({ population: 1_001, packages: 100, personsPerPackage: 5, daysPerPackage: 30 }).days).toBe(14);
  });

  it('gives zero days for an empty camp', () => {
    expect(foodCoverage({ population: 0, packages: 10, personsPerPackage: 5, daysPerPackage: 30 }).days).toBe(0);
  });
});

describe('daysFed', () => {
  it('adds parcels of different sizes as person-days', () => {
    // 100 family parcels (5 × 30) and 50 single rations (1 × 7) for 500 people.
    expect(daysFed({ population: 500, personDays: 100 * 5 * 30 + 50 * 7 })).toBe(30);
  });
});
