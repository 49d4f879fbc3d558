/**
 * Sphere Handbook minimum standards (2018 edition) that coverage is measured against. Shown
 * beside every figure so that a donor report states its yardstick.
 */
export const SPHERE = {
  /** Covered living space per person, m². */
  coveredSpacePerPersonM2: 3.5,
  /** Energy per person per day, kcal. */
  kcalPerPersonPerDay: 2_100,
  /** Water for drinking, cooking and hygiene per person per day, litres. */
  waterLitresPerPersonPerDay: 15,
  /** People a family tent shelters. */
  personsPerFamilyTent: 5,
} as const;
