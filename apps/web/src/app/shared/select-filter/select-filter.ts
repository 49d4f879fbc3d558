import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';

export interface FilterOption {
  value: string;
  label: string;
}

/**
 * The options for each of `values`, labelled in the user's language: a status or kind filter.
 * `label(value)` gives the words, usually a translation: `(status) => t('status.convoy.' + status)`.
 */
export function filterOptions<T extends string>(values: readonly T[], label: ((value: T) => string) | Readonly<Record<T, string>>): FilterOption[] {
  return values.map((value) => ({ value, label: typeof label === 'function' ? label(value) : label[value] }));
}

/** The routes as filter options, by name; none until they have loaded. */
export function routeFilterOptions(routes: readonly { id: string; name: string }[] | undefined): FilterOption[] {
  return (routes ?? []).map((route) => ({ value: route.id, label: route.name }));
}

/** One filter above a list: a select whose first option, `allLabel`, filters nothing (emits ''). Labels come translated. */
@Component({
  selector: 'rl-select-filter',
  imports: [MatFormFieldModule, MatSelectModule],
  template: `
    <mat-form-field subscriptSizing="dynamic">
      <mat-label>{{ label() }}</mat-label>
      <mat-select [value]="value() ?? ''" (selectionChange)="changed.emit($event.value)">
        <mat-option value="">{{ allLabel() }}</mat-option>
        @for (option of options(); track option.value) {
          <mat-option [value]="option.value">{{ option.label }}</mat-option>
        }
      </mat-select>
    </mat-form-field>
  `,
  styles: `
    :host {
      display: block;
    }

    mat-form-field {
      width: 100%;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SelectFilter {
  readonly label = input.required<string>();
  /** "All statuses". */
  readonly allLabel = input.required<string>();
  readonly options = input.required<readonly FilterOption[]>();
  readonly value = input<string>();
  readonly changed = output<string>();
}
