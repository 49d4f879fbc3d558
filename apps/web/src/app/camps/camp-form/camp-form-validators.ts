import { AbstractControl, ValidationErrors, ValidatorFn } from '@angular/forms';
import { CampFigures, checkCampFigures } from '@relief-ledger/domain';

/** `required` that also refuses text made only of spaces, as the API does. */
export function requiredText(control: AbstractControl<string | null>): ValidationErrors | null {
  return (control.value ?? '').trim() === '' ? { required: true } : null;
}

export function wholeNumber(control: AbstractControl<number | null>): ValidationErrors | null {
  const value = control.value;
  return value === null || Number.isInteger(value) ? null : { wholeNumber: true };
}

/**
 * The domain's cross-field rule (`checkCampFigures`) for one of the figures, so its reason shows
 * under that field. Silent until all three figures are numbers: each field's own messages come first.
 */
export function campFiguresRule(field: keyof CampFigures): ValidatorFn {
  return (control) => {
    const group = control.parent;
    if (!group) return null;
    const population: unknown = group.get('population')?.value;
    const households: unknown = group.get('households')?.value;
    const capacity: unknown = group.get('capacity')?.value;
    if (!Number.isInteger(population) || !Number.isInteger(households) || !Number.isInteger(capacity)) return null;
    // The field error itself, code and figures: the form says it in the user's language.
    const error = checkCampFigures({
      population: population as number,
      households: households as number,
      capacity: capacity as number,
    }).find((candidate) => candidate.field === field);
    return error ? { campFigures: error } : null;
  };
}

export { optionChosen } from '../../shared/forms/option-chosen';
