import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, input, OnInit, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { AbstractControl, FormControl, ReactiveFormsModule, ValidationErrors } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslocoPipe } from '@jsverse/transloco';
import { Refusal } from '@relief-ledger/domain';

import { LanguageService } from '../../core/i18n/language.service';
import { ProblemMessages } from '../../core/problems/problem-messages';
import { Clock } from './clock';
import { instantOfEntry, notLaterThanNow } from './entered-instant';
import { OffsetChoice } from './offset-choice';
import { repeatedOffsets, wallClockEntryValidator } from './wall-clock-entry';
import { zoneName } from './zoned-time';

/** An optional "when" typed on a site's wall clock: a date, a time, and the offset of a time that happened twice. */
export interface WhenControls {
  whenDate: FormControl<string>;
  whenTime: FormControl<string>;
  whenOffset: FormControl<string>;
}

/**
 * The controls of an optional "when" on the wall clock of `zone`, for a form's group: both
 * empty is now (the moment the button is pressed); one without the other is not yet a time; the
 * time must exist there that day, have happened, and, if it happened twice, say which. The time
 * field carries the errors of the three.
 */
export function whenControls(clock: Clock, zone: string): WhenControls {
  const whenDate = new FormControl('', { nonNullable: true });
  const whenOffset = new FormControl('', { nonNullable: true });
  const entry = (control: AbstractControl) => ({ date: whenDate.value, time: String(control.value ?? ''), offset: whenOffset.value });
  const together = (control: AbstractControl): ValidationErrors | null => ((whenDate.value === '') !== (control.value === '') ? { incomplete: true } : null);
  const whenTime = new FormControl('', {
    nonNullable: true,
    validators: [
      together,
      wallClockEntryValidator((control) => ({ entry: entry(control), zone })),
      notLaterThanNow((control) => ({ at: instantOfEntry(entry(control), zone), now: clock.now() })),
    ],
  });
  return { whenDate, whenTime, whenOffset };
}

/** The instant typed, as the API takes it (RFC 3339 with the zone's offset then); undefined when both fields are empty. */
export function whenInstant(controls: WhenControls, zone: string): string | undefined {
  return instantOfEntry({ date: controls.whenDate.value, time: controls.whenTime.value, offset: controls.whenOffset.value }, zone);
}

/**
 * The fields of `whenControls`, under a legend that names the zone ("When, Damascus time
 * (Asia/Damascus)"): never the phone's own clock. Asks which reading was meant when the time
 * happened twice.
 */
@Component({
  selector: 'rl-when-fields',
  imports: [MatFormFieldModule, MatInputModule, OffsetChoice, ReactiveFormsModule, TranslocoPipe],
  template: `
    <fieldset class="rl-fieldset">
      <legend>{{ 'whenFields.legend' | transloco: { city: city(), zone: zone() } }}</legend>
      <div class="rl-date-time">
        <mat-form-field>
          <mat-label>{{ 'whenFields.date' | transloco }}</mat-label>
          <input matInput type="date" [formControl]="controls().whenDate" />
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'whenFields.time' | transloco }}</mat-label>
          <input matInput type="time" [formControl]="controls().whenTime" />
          <mat-hint>{{ 'whenFields.hint' | transloco }}</mat-hint>
          <mat-error>{{ error() }}</mat-error>
        </mat-form-field>
      </div>
      @if (repeated(); as offsets) {
        <rl-offset-choice [offsets]="offsets" [time]="controls().whenTime.value" [control]="controls().whenOffset" />
      }
    </fieldset>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class WhenFields implements OnInit {
  private readonly language = inject(LanguageService);
  private readonly messages = inject(ProblemMessages);
  private readonly destroyRef = inject(DestroyRef);

  readonly controls = input.required<WhenControls>();
  readonly zone = input.required<string>();
  /** The request's field, for the words of a refusal of the time. */
  readonly field = input('occurredAt');

  // Moves on every event of the form around the fields (their changes among them), for what reads their errors.
  private readonly changes = signal(0);
  protected readonly city = computed(() => zoneName(this.zone(), this.language.words()));
  protected readonly repeated = computed(() => {
    this.changes();
    const { whenDate, whenTime } = this.controls();
    return repeatedOffsets({ date: whenDate.value, time: whenTime.value }, this.zone());
  });
  protected readonly error = computed(() => {
    this.changes();
    const errors = this.controls().whenTime.errors;
    const words = this.language.words();
    if (!errors) return '';
    if (typeof errors['server'] === 'string') return errors['server'];
    if (errors['incomplete']) return words.t('whenFields.incomplete');
    if (errors['wallClock']) {
      const refusal = errors['wallClock'] as Refusal;
      return this.messages.fieldReason({ field: this.field(), reason: refusal.message, code: refusal.code, params: refusal.params });
    }
    if (errors['repeatedHour']) return words.t('whenFields.repeatedHour');
    if (errors['later']) return words.t('whenFields.notLater');
    return words.t('form.checkValue');
  });

  ngOnInit(): void {
    const { whenDate, whenTime, whenOffset } = this.controls();
    for (const control of [whenDate, whenTime]) {
      control.valueChanges.pipe(takeUntilDestroyed(this.destroyRef)).subscribe(() => {
        // The offset belongs to one date and time: a new one starts without it, and the time is
        // checked again without it (its validators ran before this, with the old offset).
        if (whenOffset.value !== '') whenOffset.setValue('', { emitEvent: false });
        whenTime.updateValueAndValidity({ emitEvent: false });
      });
    }
    // Without emitting: the time's own change would forget the offset just chosen.
    whenOffset.valueChanges.pipe(takeUntilDestroyed(this.destroyRef)).subscribe(() => whenTime.updateValueAndValidity({ emitEvent: false }));
    // The group hears every change of the three after the handlers above (a field's change reaches
    // its parent last), a reset or a value set by the form, and the server's words placed under the time.
    whenTime.parent?.events.pipe(takeUntilDestroyed(this.destroyRef)).subscribe(() => this.changes.update((count) => count + 1));
  }
}
