import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatAutocompleteModule } from '@angular/material/autocomplete';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslocoPipe } from '@jsverse/transloco';
import { DONOR_LIMITS } from '@relief-ledger/domain';
import { catchError, debounceTime, distinctUntilChanged, map, of, startWith, switchMap } from 'rxjs';

import { LookupsApi } from '../lookups/lookups-api';

export const DONOR_FIELD_DEBOUNCE_MS = 250;
const SUGGESTIONS_MAX = 10;

/**
 * A donor's name, free text with the names used before suggested as one types: "ECHO" and
 * "E.C.H.O." would be two donors in the donor report. A suggestion that cannot load leaves the
 * field as plain text.
 */
@Component({
  selector: 'rl-donor-field',
  imports: [MatAutocompleteModule, MatFormFieldModule, MatInputModule, ReactiveFormsModule, TranslocoPipe],
  template: `
    <mat-form-field class="donor-field" subscriptSizing="dynamic">
      <mat-label>{{ label() ?? ('donorField.label' | transloco) }}</mat-label>
      <input matInput type="text" [formControl]="control()" [matAutocomplete]="suggestions" autocomplete="off" [maxlength]="maxLength" />
      <mat-autocomplete #suggestions="matAutocomplete">
        @for (donor of options(); track donor) {
          <mat-option [value]="donor"><bdi>{{ donor }}</bdi></mat-option>
        }
      </mat-autocomplete>
      @if (hint()) {
        <mat-hint>{{ hint() }}</mat-hint>
      }
      <mat-error>{{ error() }}</mat-error>
    </mat-form-field>
  `,
  styles: `
    :host {
      display: block;
    }

    .donor-field {
      width: 100%;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DonorField {
  private readonly lookups = inject(LookupsApi);

  readonly control = input.required<FormControl<string>>();
  /** Translated by the caller; the common word "Donor" when left out. */
  readonly label = input<string>();
  readonly hint = input('');
  readonly error = input('');

  protected readonly maxLength = DONOR_LIMITS.donorMaxLength;
  protected readonly options = signal<string[]>([]);

  constructor() {
    toObservable(this.control)
      .pipe(
        switchMap((control) => control.valueChanges.pipe(startWith(control.value))),
        debounceTime(DONOR_FIELD_DEBOUNCE_MS),
        map((text) => (text ?? '').trim()),
        distinctUntilChanged(),
        switchMap((q) => this.lookups.listDonors(q).pipe(catchError(() => of<string[]>([])))),
        takeUntilDestroyed(),
      )
      .subscribe((donors) => this.options.set(donors.slice(0, SUGGESTIONS_MAX)));
  }
}
