import { AbstractControl, ValidationErrors } from '@angular/forms';

/** For an autocomplete whose control holds the chosen option, or the text typed while searching. */
export function optionChosen(control: AbstractControl<unknown>): ValidationErrors | null {
  return typeof control.value === 'string' && control.value.trim() !== '' ? { notChosen: true } : null;
}
