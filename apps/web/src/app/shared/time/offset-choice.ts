import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatRadioModule } from '@angular/material/radio';
import { TranslocoPipe } from '@jsverse/transloco';

import { LanguageService } from '../../core/i18n/language.service';

/**
 * The offsets the API lists when a wall-clock time happened twice ("… happened twice: the clocks
 * went back over it. Say which with its offset (+03:00 or +02:00)"), in the order given: the
 * first reading first. Undefined for any other reason, where there is nothing to choose.
 */
export function repeatedHourOffsets(reason: string): string[] | undefined {
  if (!/twice/i.test(reason)) return undefined;
  const offsets = [...new Set(reason.match(/[+-]\d{2}:\d{2}/g) ?? [])];
  return offsets.length > 1 ? offsets : undefined;
}

/**
 * Asks which of the two readings of a repeated wall-clock time was meant (the night the clocks
 * went back in 2019, 23:30 in Damascus happened at +03:00 and again at +02:00). Guessing could
 * end a pause an hour early.
 */
@Component({
  selector: 'rl-offset-choice',
  imports: [MatRadioModule, ReactiveFormsModule, TranslocoPipe],
  template: `
    <fieldset class="offset-choice">
      <legend>{{ 'offsetChoice.legend' | transloco: { time: time() } }}</legend>
      <mat-radio-group [formControl]="control()" [attr.aria-label]="'offsetChoice.which' | transloco: { time: time() }">
        @for (choice of choices(); track choice.offset) {
          <mat-radio-button [value]="choice.offset">{{ choice.label }}</mat-radio-button>
        }
      </mat-radio-group>
    </fieldset>
  `,
  styles: `
    .offset-choice {
      margin: 0 0 12px;
      padding: 8px 12px;
      border: 2px solid var(--mat-sys-tertiary);
      border-radius: 8px;
    }

    mat-radio-group {
      display: grid;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OffsetChoice {
  /** In the order the readings happened. */
  readonly offsets = input.required<readonly string[]>();
  /** The wall-clock time as typed: "23:30". */
  readonly time = input.required<string>();
  readonly control = input.required<FormControl<string>>();

  private readonly language = inject(LanguageService);

  protected readonly choices = computed(() =>
    this.offsets().map((offset, index) => ({
      offset,
      label: this.language.t(index === 0 ? 'offsetChoice.first' : index === 1 ? 'offsetChoice.second' : 'offsetChoice.next', {
        time: this.time(),
        offset,
      }),
    })),
  );
}
