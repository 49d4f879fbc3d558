import { AbstractControl, FormGroup } from '@angular/forms';
import { Problem } from '@relief-ledger/domain';

import { problemMessage } from '../../core/problems/to-problem';

/**
 * Puts each field error of `problem` under its control (as the `server` error, with the API's
 * reason) and returns the sentence for the banner: the problem, the reasons that belong to no
 * control, and a pointer to the marked fields when some were placed.
 */
export function placeFieldErrors(
  form: FormGroup,
  problem: Problem,
  controlFor: Readonly<Record<string, string>> = {},
): string {
  const unplaced: string[] = [];
  let placed = 0;
  for (const { field, reason } of problem.errors ?? []) {
    const control: AbstractControl | null = form.get(controlFor[field] ?? field);
    if (control) {
      control.setErrors({ ...control.errors, server: reason });
      control.markAsTouched();
      placed += 1;
    } else {
      unplaced.push(`${field} ${reason}`);
    }
  }
  return [problemMessage(problem), ...unplaced, ...(placed > 0 ? ['check the fields marked below'] : [])].join(' — ');
}
