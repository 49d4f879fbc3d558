import { FieldError } from '../common/problem';
import { fieldProblem } from '../common/problem-codes';

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
    errors.push(fieldProblem('households', 'field.households_over_population', { households, population }));
  }
  if (population > 0 && households === 0) {
    errors.push(fieldProblem('households', 'field.households_required'));
  }
  return errors;
}
