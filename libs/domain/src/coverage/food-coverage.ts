export interface FoodCoverage {
  population: number;
  packages: number;
  /** Person-days the packages feed: packages × persons per package × days per package. */
  personDays: number;
  /** Whole days the whole population is fed, rounded down. */
  days: number;
}

/**
 * How many days the food delivered feeds everyone on site. A family food parcel of the design
 * case feeds 5 persons for 30 days, at the Sphere 2,100 kcal per person per day.
 */
export function foodCoverage({
  population,
  packages,
  personsPerPackage,
  daysPerPackage,
}: {
  population: number;
  packages: number;
  personsPerPackage: number;
  daysPerPackage: number;
}): FoodCoverage {
  const personDays = packages * personsPerPackage * daysPerPackage;
  return { population, packages, personDays, days: daysFed({ population, personDays }) };
}

/** Whole days `personDays` of food feed `population` people (parcels of several sizes add up as person-days). */
export function daysFed({ population, personDays }: { population: number; personDays: number }): number {
  return population === 0 ? 0 : Math.floor(personDays / population);
}
