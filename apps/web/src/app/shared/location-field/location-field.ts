import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatAutocompleteModule } from '@angular/material/autocomplete';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslocoPipe } from '@jsverse/transloco';
import { LocationLevel, LocationResponse } from '@relief-ledger/domain';
import { catchError, debounceTime, distinctUntilChanged, filter, map, Observable, of, switchMap, tap } from 'rxjs';

import { LanguageService } from '../../core/i18n/language.service';
import { ProblemMessages } from '../../core/problems/problem-messages';
import { toProblem } from '../../core/problems/to-problem';
import { LookupsApi } from '../lookups/lookups-api';

/** What a location field holds once a location is picked; while searching it holds the typed text. */
export type LocationChoice = Pick<LocationResponse, 'id' | 'pcode' | 'nameEn' | 'nameAr'>;
export type LocationFieldValue = LocationChoice | string | null;

export const LOCATION_FIELD_DEBOUNCE_MS = 250;
const OPTIONS_MAX = 20;

export function describeLocation(value: LocationFieldValue): string {
  if (value === null || typeof value === 'string') return value ?? '';
  return `${value.nameEn} (${value.pcode})`;
}

/** The chosen location's id, or undefined while nothing (or only typed text) is in the field. */
export function chosenLocationId(value: LocationFieldValue): string | undefined {
  return value !== null && typeof value === 'object' ? value.id : undefined;
}

/**
 * A location picked by name from the gazetteer: type part of the English or Arabic name, then
 * choose. The control belongs to the form around it, which validates it (`optionChosen`) and
 * says what is wrong through `error`.
 */
@Component({
  selector: 'rl-location-field',
  imports: [MatAutocompleteModule, MatFormFieldModule, MatInputModule, ReactiveFormsModule, TranslocoPipe],
  template: `
    <mat-form-field class="location-field" subscriptSizing="dynamic">
      <mat-label>{{ label() }}</mat-label>
      <input matInput type="text" [formControl]="control()" [matAutocomplete]="picker" autocomplete="off" />
      <mat-autocomplete #picker="matAutocomplete" [displayWith]="describe">
        @for (option of options(); track option.id) {
          <mat-option [value]="option">
            <bdi>{{ option.nameEn }}</bdi> — <bdi dir="rtl" lang="ar">{{ option.nameAr }}</bdi> (<bdi dir="ltr">{{ option.pcode }}</bdi>)
          </mat-option>
        } @empty {
          <mat-option disabled>{{ emptyListText() }}</mat-option>
        }
      </mat-autocomplete>
      <mat-hint>{{ hint() ?? ('locationField.hint' | transloco) }}</mat-hint>
      <mat-error>{{ error() }}</mat-error>
    </mat-form-field>
  `,
  styles: `
    :host {
      display: block;
    }

    .location-field {
      width: 100%;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LocationField {
  private readonly lookups = inject(LookupsApi);
  private readonly language = inject(LanguageService);
  private readonly messages = inject(ProblemMessages);

  readonly control = input.required<FormControl<LocationFieldValue>>();
  readonly label = input.required<string>();
  /** Translated by the caller; "Type part of the name, then choose" when left out. */
  readonly hint = input<string>();
  readonly error = input('');
  /** Only these levels are offered; all when empty. */
  readonly levels = input<readonly LocationLevel[]>([]);

  protected readonly describe = describeLocation;
  protected readonly options = signal<LocationChoice[]>([]);
  protected readonly searching = signal(false);
  protected readonly searchProblem = signal<string | undefined>(undefined);
  private readonly typed = signal(false);
  protected readonly emptyListText = computed(() => {
    if (this.searching()) return this.language.t('locationField.searching');
    return this.searchProblem() ?? this.language.t(this.typed() ? 'locationField.noMatch' : 'locationField.typeName');
  });

  constructor() {
    toObservable(this.control)
      .pipe(
        switchMap((control) => control.valueChanges),
        // A picked location needs no search: the options stay as they were.
        filter((value): value is string | null => typeof value === 'string' || value === null),
        debounceTime(LOCATION_FIELD_DEBOUNCE_MS),
        map((text) => (text ?? '').trim()),
        distinctUntilChanged(),
        tap((name) => {
          this.typed.set(name !== '');
          this.searching.set(name !== '');
        }),
        switchMap((name) => (name === '' ? of([]) : this.search(name))),
        takeUntilDestroyed(),
      )
      .subscribe((options) => {
        this.options.set(options);
        this.searching.set(false);
      });
  }

  private search(name: string): Observable<LocationChoice[]> {
    this.searchProblem.set(undefined);
    return this.lookups.listLocations({ name, pageSize: OPTIONS_MAX }).pipe(
      map((page) => page.items.filter((location) => this.levels().length === 0 || this.levels().includes(location.level))),
      catchError((error: unknown) => {
        this.searchProblem.set(this.language.t('locationField.searchFailed', { problem: this.messages.message(toProblem(error)) }));
        return of([]);
      }),
    );
  }
}
