import { AbstractControl, FormGroup } from '@angular/forms';
import { Problem } from '@relief-ledger/domain';

import { ProblemMessages } from '../../core/problems/problem-messages';

/**
 * Puts each field error of `problem` under its control (as the `server` error, in the user's
 * language) and returns the sentence for the banner: the problem, the reasons that belong to no
 * control, and a pointer to the marked fields when some were placed.
 */
export function placeFieldErrors(
  form: FormGroup,
  problem: Problem,
  messages: ProblemMessages,
  controlFor: Readonly<Record<string, string>> = {},
): string {
  const unplaced: string[] = [];
  let placed = 0;
  for (const error of problem.errors ?? []) {
    const control: AbstractControl | null = form.get(controlFor[error.field] ?? error.field);
    if (control) {
      control.setErrors({ ...control.errors, server: messages.fieldReason(error) });
      control.markAsTouched();
      placed += 1;
    } else {
      unplaced.push(messages.unplacedReason(error));
    }
  }
  return messages.join([messages.message(problem), ...unplaced, ...(placed > 0 ? [messages.checkMarkedFields()] : [])]);
}
