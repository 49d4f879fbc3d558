import { STOCK_LIMITS } from '@relief-ledger/domain';
import { FormControl, Validators } from '@angular/forms';

import { wholeNumber } from '../shared/forms/count-validators';

/** The API's own limits (libs/domain), so the form refuses what the server would. */
export const MOVEMENT_QUANTITY_MAX = STOCK_LIMITS.quantityMax;
export const REFERENCE_MAX_LENGTH = STOCK_LIMITS.referenceMaxLength;

/** The quantity of one movement: a whole number from 1 to the API's limit. */
export function movementQuantityControl(): FormControl<number | null> {
  return new FormControl<number | null>(null, [
    Validators.required,
    Validators.min(1),
    Validators.max(MOVEMENT_QUANTITY_MAX),
    wholeNumber,
  ]);
}
