import { FormControl, Validators } from '@angular/forms';

import { wholeNumber } from '../shared/forms/count-validators';

/** Matches the API's limit on one movement. */
export const MOVEMENT_QUANTITY_MAX = 1_000_000_000;
export const REFERENCE_MAX_LENGTH = 200;

/** The quantity of one movement: a whole number from 1 to the API's limit. */
export function movementQuantityControl(): FormControl<number | null> {
  return new FormControl<number | null>(null, [
    Validators.required,
    Validators.min(1),
    Validators.max(MOVEMENT_QUANTITY_MAX),
    wholeNumber,
  ]);
}
