import { afterNextRender, DestroyRef, ElementRef, inject, Injector, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormGroup } from '@angular/forms';
import { Problem } from '@relief-ledger/domain';
import { Observable } from 'rxjs';

import { LocalWords } from '../../core/i18n/local-words';
import { ProblemMessages } from '../../core/problems/problem-messages';
import { NETWORK_PROBLEM_TYPE, toProblem } from '../../core/problems/to-problem';
import { placeFieldErrors } from './place-field-errors';

export interface FormSubmissionOptions {
  /** Focus the first field once shown: for a form opened to be filled in, not one part of a page. */
  focusFirstField?: boolean;
  /** Request fields whose form control has another name: `{ locationId: 'location' }`. */
  controlFor?: Readonly<Record<string, string>>;
  /**
   * Said instead of the network problem for forms whose record carries a client id: what was
   * typed is kept, and pressing again sends the same record, which the server records once.
   * A function is asked when the send fails, so that it speaks the language chosen by then:
   * `() => notSentText(language.t('…'), language.words())`.
   */
  notSentMessage?: string | (() => string);
}

const INVALID_FIELDS = 'input.ng-invalid, select.ng-invalid, textarea.ng-invalid, mat-select.ng-invalid';

/**
 * The submit cycle the forms share: on submit, point at the first invalid field, or send once and
 * report the answer, placing the API's field errors under their controls and the rest in
 * `problem`, brought into view on a phone. Create it in a field initialiser (it injects).
 */
export class FormSubmission {
  private readonly host: ElementRef<HTMLElement> = inject(ElementRef);
  private readonly injector = inject(Injector);
  private readonly messages = inject(ProblemMessages);
  private readonly destroyRef = inject(DestroyRef);
  readonly saving = signal(false);
  readonly problem = signal<string | undefined>(undefined);

  constructor(
    private readonly form: FormGroup,
    private readonly options: FormSubmissionOptions = { focusFirstField: true },
  ) {
    if (options.focusFirstField) afterNextRender({ write: () => this.host.nativeElement.querySelector<HTMLElement>('input')?.focus() });
  }

  /**
   * Sends `request()` unless already saving or the form is invalid; `saved` gets the answer.
   * `failed` may say something else for a problem it knows (return undefined for the usual handling).
   */
  submit<T>(request: () => Observable<T>, saved: (answer: T) => void, failed?: (problem: Problem) => string | undefined): void {
    if (this.saving()) return;
    this.problem.set(undefined);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.host.nativeElement.querySelector<HTMLElement>(INVALID_FIELDS)?.focus();
      return;
    }
    this.saving.set(true);
    // Unsubscribed when the form closes: the outbox then keeps a refused entry for the person to see.
    request()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (answer) => {
          this.saving.set(false);
          saved(answer);
          afterNextRender({ write: () => this.revealConfirmation() }, { injector: this.injector });
        },
        error: (error: unknown) => {
          this.saving.set(false);
          const problem = toProblem(error);
          this.problem.set(failed?.(problem) ?? this.describe(problem));
          afterNextRender({ write: () => this.revealProblem() }, { injector: this.injector });
        },
      });
  }

  private describe(problem: Problem): string {
    const notSent = this.options.notSentMessage;
    if (problem.type === NETWORK_PROBLEM_TYPE && notSent) return typeof notSent === 'function' ? notSent() : notSent;
    // The client id is the app's own business, never something to correct by hand.
    const errors = problem.errors?.filter((error) => error.field !== 'clientId');
    return placeFieldErrors(this.form, { ...problem, errors }, this.messages, this.options.controlFor);
  }

  /**
   * Focus goes to what the answer said (WCAG 3.3.1, 4.1.3): the banner that sums up the problem, or
   * the first field refused when there is no banner; left on the pressed button, a keyboard or
   * screen-reader user would not know the send failed, and after a re-render it fell to the body.
   * On a phone this also brings it into view, far above the button.
   */
  private revealProblem(): void {
    const host = this.host.nativeElement;
    focusMessage(host.querySelector<HTMLElement>('.rl-banner') ?? host.querySelector<HTMLElement>(INVALID_FIELDS));
  }

  /** After a success, focus goes to the confirmation the form shows, when it shows one. */
  private revealConfirmation(): void {
    focusMessage(this.host.nativeElement.querySelector<HTMLElement>('.rl-confirmation'));
  }
}

/** Moves focus to a message (a problem banner, a confirmation) or a field, and into view. */
export function focusMessage(target: HTMLElement | null): void {
  if (!target) return;
  // A message is not a control: focusable from code only, not a stop of its own on Tab.
  if (!target.matches('input, select, textarea, button, a[href], [tabindex]')) target.setAttribute('tabindex', '-1');
  target.focus({ preventScroll: true });
  target.scrollIntoView?.({ block: 'nearest' });
}

/**
 * What a form whose record carries a client id says when the send did not reach the server, in
 * the user's language: `notSentText(t('distributions.form.save'), words)`.
 */
export function notSentText(button: string, words: LocalWords): string {
  return words.t('form.notSent', { button });
}

/**
 * @deprecated English only: use `notSentText` (issue 11).
 */
export function notSentMessage({ button, record }: { button: string; record: string }): string {
  return (
    'Not sent: the server could not be reached. Everything you entered is kept. ' +
    `Press "${button}" again when you have a connection: it is sent as the same ${record}, so it is never recorded twice.`
  );
}
