import { inject, Injectable } from '@angular/core';
import { FieldError, Problem } from '@relief-ledger/domain';

import { LanguageService } from '../i18n/language.service';
import { describeFieldError, describeProblem } from './describe-problem';

/**
 * The one place that turns what the server (or the browser) refused into words, in the user's
 * language: `message(problem)` for a banner or a snackbar, `fieldReason(error)` under a field.
 * Reactive inside `computed()`: a banner follows a language switch.
 */
@Injectable({ providedIn: 'root' })
export class ProblemMessages {
  private readonly language = inject(LanguageService);

  message(problem: Problem): string {
    return describeProblem(problem, this.language.words());
  }

  fieldReason(error: FieldError): string {
    return describeFieldError(error, this.language.words());
  }

  /** A field error that belongs to no field on the form: "quantity: must not be negative". */
  unplacedReason(error: FieldError): string {
    return this.language.t('problemBanner.fieldReason', { field: error.field, reason: this.fieldReason(error) });
  }

  /** Said after the problem when some of its reasons went under their fields. */
  checkMarkedFields(): string {
    return this.language.t('problemBanner.checkMarkedFields');
  }

  /** The parts of a banner joined as one sentence would: "Some fields need correcting — check the fields marked below". */
  join(parts: readonly string[]): string {
    return parts.join(this.language.t('problemBanner.separator'));
  }
}
