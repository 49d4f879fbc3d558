import { afterNextRender, ElementRef, inject, signal } from '@angular/core';
import { FormControl, FormGroup, Validators } from '@angular/forms';
import { Observable } from 'rxjs';

import { toProblem } from '../core/problems/to-problem';
import { wholeNumber } from '../shared/forms/count-validators';
import { placeFieldErrors } from '../shared/forms/place-field-errors';

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

/**
 * The submit cycle the stock forms share: focus the first field once shown; on submit, point at
 * the first invalid field, or send once and report the answer, placing the API's field errors
 * under their controls and the rest in `problem`. Create it in a field initialiser (it injects).
 */
export class StockFormSubmission {
  private readonly host: ElementRef<HTMLElement> = inject(ElementRef);
  readonly saving = signal(false);
  readonly problem = signal<string | undefined>(undefined);

  constructor(private readonly form: FormGroup) {
    afterNextRender({ write: () => this.host.nativeElement.querySelector<HTMLElement>('input')?.focus() });
  }

  /** Sends `request()` unless already saving or the form is invalid; `saved` gets the answer. */
  submit<T>(request: () => Observable<T>, saved: (answer: T) => void): void {
    if (this.saving()) return;
    this.problem.set(undefined);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.host.nativeElement.querySelector<HTMLElement>('input.ng-invalid, mat-select.ng-invalid')?.focus();
      return;
    }
    this.saving.set(true);
    request().subscribe({
      next: (answer) => {
        this.saving.set(false);
        saved(answer);
      },
      error: (error: unknown) => {
        this.saving.set(false);
        this.problem.set(placeFieldErrors(this.form, toProblem(error)));
      },
    });
  }
}
