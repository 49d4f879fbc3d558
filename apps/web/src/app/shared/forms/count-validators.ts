import { AbstractControl, ValidationErrors } from '@angular/forms';

/** For number inputs of things counted: tents, households, people. */
export function wholeNumber(control: AbstractControl<number | null>): ValidationErrors | null {
  const value = control.value;
  return value === null || Number.isInteger(value) ? null : { wholeNumber: true };
}

/** `required` that also refuses text made only of spaces, as the API does. */
export function requiredText(control: AbstractControl<string | null>): ValidationErrors | null {
  return (control.value ?? '').trim() === '' ? { required: true } : null;
}

/** The message under a count field for the errors the validators above and `min`/`max` give. */
export function countErrorMessage(errors: ValidationErrors, requiredMessage: string): string {
  if (typeof errors['server'] === 'string') return errors['server'];
  if (errors['required']) return requiredMessage;
  if (errors['wholeNumber']) return 'Enter a whole number';
  if (errors['min']) return errors['min'].min === 0 ? 'Cannot be negative' : `At least ${errors['min'].min}`;
  if (errors['max']) return `At most ${(errors['max'].max as number).toLocaleString('en')}`;
  return 'Check this value';
}
