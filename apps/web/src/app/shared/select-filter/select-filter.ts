import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';

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

let nextId = 0;

/**
 * One filter above a list: a select whose first option, `allLabel`, filters nothing (emits ''). Labels come translated.
 * The browser's own select, drawn with the theme's tokens like Material's outlined field: on a phone it opens the
 * system's picker, and it keeps Material's form field, select and overlay (about 20 KB compressed) off the convoy
 * board and the other lists, which a field worker opens cold on a 400 kbps network (bench/README.md, issue 13).
 */
@Component({
  selector: 'rl-select-filter',
  template: `
    <label class="label" [for]="id">{{ label() }}</label>
    <select class="select" [id]="id" (change)="changed.emit(choice($event))">
      <option value="" [selected]="!value()">{{ allLabel() }}</option>
      @for (option of options(); track option.value) {
        <option [value]="option.value" [selected]="option.value === value()">{{ option.label }}</option>
      }
    </select>
  `,
  styles: `
    :host {
      display: grid;
      gap: 4px;
    }

    .label {
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }

    .select {
      box-sizing: border-box;
      width: 100%;
      min-height: 48px;
      padding-inline: 12px;
      border: 1px solid var(--mat-sys-outline);
      border-radius: var(--mat-sys-corner-extra-small, 4px);
      background: var(--mat-sys-surface);
      color: var(--mat-sys-on-surface);
      font: var(--mat-sys-body-large);
    }

    .select:focus-visible {
      border-color: var(--mat-sys-primary);
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

  protected readonly id = `rl-select-filter-${nextId++}`;

  protected choice(event: Event): string {
    return (event.target as HTMLSelectElement).value;
  }
}
