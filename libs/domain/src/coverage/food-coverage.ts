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
  const days = population === 0 ? 0 : Math.floor(personDays / population);
  return { population, packages, personDays, days };
}
