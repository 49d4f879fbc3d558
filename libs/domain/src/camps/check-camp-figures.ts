import { FieldError } from '../common/problem';

export interface CampFigures {
  population: number;
  households: number;
  capacity: number;
}

/**
 * Cross-field checks on a camp's head-counts. Each field alone is validated elsewhere
 * (whole, not negative); these catch figures that cannot all be true at once.
 */
export function checkCampFigures({ population, households }: CampFigures): FieldError[] {
  const errors: FieldError[] = [];
  if (households > population) {
    errors.push({
      field: 'households',
      reason: `households (${households}) cannot exceed population (${population}): every household has at least one person`,
    });
  }
  if (population > 0 && households === 0) {
    errors.push({
      field: 'households',
      reason: 'households must be at least 1 when people live on site',
    });
  }
  return errors;
}
