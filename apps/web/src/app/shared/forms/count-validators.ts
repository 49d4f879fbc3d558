import { AbstractControl, ValidationErrors } from '@angular/forms';

import { LocalWords } from '../../core/i18n/local-words';

/** For number inputs of things counted: tents, households, people. */
export function wholeNumber(control: AbstractControl<number | null>): ValidationErrors | null {
  const value = control.value;
  return value === null || Number.isInteger(value) ? null : { wholeNumber: true };
}

/** `required` that also refuses text made only of spaces, as the API does. */
export function requiredText(control: AbstractControl<string | null>): ValidationErrors | null {
  return (control.value ?? '').trim() === '' ? { required: true } : null;
}

/** The message under a count field for the errors the validators above and `min`/`max` give, in the user's language. */
export function countErrorMessage(errors: ValidationErrors, requiredMessage: string, words: LocalWords): string {
  if (typeof errors['server'] === 'string') return errors['server'];
  if (errors['required']) return requiredMessage;
  if (errors['wholeNumber']) return words.t('form.count.wholeNumber');
  if (errors['min']) return errors['min'].min === 0 ? words.t('form.count.notNegative') : words.t('form.count.atLeast', { min: errors['min'].min as number });
  if (errors['max']) return words.t('form.count.atMost', { max: errors['max'].max as number });
  return words.t('form.checkValue');
}
