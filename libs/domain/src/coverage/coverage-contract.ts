import type { FoodCoverage } from './food-coverage';
import type { ShelterCoverage } from './shelter-coverage';
import type { SPHERE } from './sphere';

/**
 * A camp's coverage, derived from the ledger and the camp's figures, never typed in.
 * Tents on site: family tents in the camp's stores plus those handed out at the camp. Food:
 * parcels handed out at the camp plus those in its stores, in days for everyone on site.
 */
export interface CampCoverageResponse {
  campId: string;
  households: number;
  population: number;
  shelter: ShelterCoverage;
  food: FoodCoverage;
  sphere: typeof SPHERE;
}
