import { ChangeDetectionStrategy, Component, computed, ElementRef, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MAT_FORM_FIELD_DEFAULT_OPTIONS, MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import { TranslocoPipe } from '@jsverse/transloco';
import { PAUSE_WINDOW_LIMITS, PauseWindowDetailResponse, PauseWindowResponse, resolveLocalTime, wallClockAt } from '@relief-ledger/domain';

import { LanguageService } from '../../core/i18n/language.service';
import { NEW_CLIENT_ID } from '../../shared/client-id/client-id';
import { requiredText } from '../../shared/forms/count-validators';
import { formValue } from '../../shared/forms/form-value';
import { FormSubmission } from '../../shared/forms/form-submission';
import { Clock } from '../../shared/time/clock';
import { zoneName } from '../../shared/time/zoned-time';
import { WallClockTime } from '../../shared/time/wall-clock-time';
import { PauseWindowsApi } from '../pause-windows-api';

export interface EndWindowDialogData {
  window: PauseWindowResponse;
}

/**
 * News that a window ended before its announced end: when (now, or a time on the window's own
 * clock) and where the news came from. Sends from here, so that a refusal lands on its field and
 * the dialog stays open; closes with the window as ended, nothing when cancelled.
 */
@Component({
  selector: 'rl-end-window-dialog',
  imports: [MatButtonModule, MatDialogModule, MatFormFieldModule, MatInputModule, MatRadioModule, ReactiveFormsModule, TranslocoPipe, WallClockTime],
  providers: [{ provide: MAT_FORM_FIELD_DEFAULT_OPTIONS, useValue: { subscriptSizing: 'dynamic' } }],
  templateUrl: './end-window-dialog.html',
  styleUrl: './end-window-dialog.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EndWindowDialog {
  protected readonly data: EndWindowDialogData = inject(MAT_DIALOG_DATA);
  private readonly dialogRef: MatDialogRef<EndWindowDialog, PauseWindowDetailResponse> = inject(MatDialogRef);
  private readonly api = inject(PauseWindowsApi);
  private readonly clock = inject(Clock);
  private readonly language = inject(LanguageService);
  private readonly host: ElementRef<HTMLElement> = inject(ElementRef);
  /** Made once, when the dialog opens: pressing again after a lost answer ends it once. */
  private readonly key = inject(NEW_CLIENT_ID)();

  protected readonly sourceMax = PAUSE_WINDOW_LIMITS.sourceTextMaxLength;
  protected readonly form = new FormGroup({
    endedNow: new FormControl(true, { nonNullable: true }),
    endedDate: new FormControl(wallClockAt(this.clock.now(), this.data.window.zone).date, { nonNullable: true }),
    endedTime: new FormControl('', { nonNullable: true }),
    source: new FormControl('', { nonNullable: true, validators: [requiredText, Validators.maxLength(this.sourceMax)] }),
  });
  protected readonly submission = new FormSubmission(this.form, { focusFirstField: false, controlFor: { endedAt: 'endedTime' } });
  protected readonly zone = computed(() => zoneName(this.data.window.zone, this.language.words()));
  protected readonly confirming = signal(false);

  private readonly value = formValue(this.form);
  /** The time typed, placed on the window's clock; undefined while it cannot be. */
  protected readonly endedAt = computed(() => {
    const { endedNow, endedDate, endedTime } = this.value();
    if (endedNow) return undefined;
    const placed = endedDate && endedTime ? resolveLocalTime({ date: endedDate, time: endedTime }, this.data.window.zone) : undefined;
    return placed?.kind === 'exact' ? placed.instant : undefined;
  });

  constructor() {
    this.form.controls.endedNow.valueChanges.subscribe((now) => {
      this.form.controls.endedTime.setValidators(now ? [] : [Validators.required]);
      this.form.controls.endedTime.updateValueAndValidity({ emitEvent: false });
    });
  }

  protected errorFor(name: 'endedTime' | 'source'): string {
    const errors = this.form.controls[name].errors;
    if (!errors) return '';
    if (typeof errors['server'] === 'string') return errors['server'];
    if (errors['maxlength']) return this.language.t('form.atMostCharacters', { max: errors['maxlength'].requiredLength as number });
    if (errors['notPlaced']) return this.language.t('pause-windows.end.notPlaced');
    return this.language.t('pause-windows.form.required');
  }

  /** First press: check the fields and ask to confirm; the second sends. */
  protected reviewEnd(): void {
    const time = this.form.controls.endedTime;
    if (!this.value().endedNow && time.value && !this.endedAt()) {
      time.setErrors({ notPlaced: true });
      time.markAsTouched();
    }
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.host.nativeElement.querySelector<HTMLElement>('input.ng-invalid, textarea.ng-invalid')?.focus();
      return;
    }
    this.confirming.set(true);
  }

  protected endWindow(): void {
    const window = this.data.window;
    const endedAt = this.endedAt();
    this.submission.submit(
      () => this.api.endWindow(window.id, { source: this.value().source.trim(), ...(endedAt ? { endedAt } : {}), version: window.version }, this.key),
      (ended) => this.dialogRef.close(ended),
      () => this.backToSummary(),
    );
  }

  protected keepWindow(): void {
    this.dialogRef.close();
  }

  protected backToFields(): void {
    this.confirming.set(false);
  }

  /**
   * A refusal goes back to the fields (its reason under the one it names) and to the summary
   * above them, where focus moves so that it is read out. The usual words: undefined.
   */
  private backToSummary(): undefined {
    this.confirming.set(false);
    setTimeout(() => this.host.nativeElement.querySelector<HTMLElement>('.error-summary')?.focus());
    return undefined;
  }
}
