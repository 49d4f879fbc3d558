import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MAT_FORM_FIELD_DEFAULT_OPTIONS, MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslocoPipe } from '@jsverse/transloco';
import { DEFAULT_TIME_ZONE, MovementResponse, STOCK_LIMITS } from '@relief-ledger/domain';

import { formatNumber } from '../../core/i18n/intl-format';
import { LanguageService } from '../../core/i18n/language.service';
import { LocalWords } from '../../core/i18n/local-words';
import { confirmAction } from '../../shared/confirm-dialog/open-confirm-dialog';
import { requiredText } from '../../shared/forms/count-validators';
import { FormSubmission } from '../../shared/forms/form-submission';
import { describeMoment } from '../../shared/time/zoned-time';
import { signedFigure } from '../count-difference';
import { StockApi } from '../stock-api';
import { LEDGER_KIND_KEYS } from '../stock-words';

/** "Received +500 on 09:00 Damascus, Sun, 22 Dec 2019": the movement to undo, as the ledger shows it. */
export function describeMovement(movement: Pick<MovementResponse, 'kind' | 'quantity' | 'occurredAt'>, words: LocalWords): string {
  return words.t('stock.reverse.movement', {
    kind: words.t(LEDGER_KIND_KEYS[movement.kind]),
    change: signedFigure(movement.quantity, words),
    when: describeMoment({ instant: movement.occurredAt, zone: DEFAULT_TIME_ZONE }, words),
  });
}

/** Whether undoing it would take the level below zero: goods received and since handed out cannot be taken back. */
export function wouldGoNegative({ movement, level }: { movement: Pick<MovementResponse, 'quantity'>; level: number }): boolean {
  return level - movement.quantity < 0;
}

/** What the confirmation says will happen: the opposite movement, and the level after it. */
export function describeReversal({ movement, level }: { movement: Pick<MovementResponse, 'quantity'>; level: number }, words: LocalWords): string {
  return words.t('stock.reverse.confirmMessage', { change: signedFigure(-movement.quantity, words), balance: formatNumber(level - movement.quantity, words.locale) });
}

/**
 * Undoes one movement of the ledger with its opposite, after a reason and a confirmation: a
 * movement is never edited or deleted, so both stay in the ledger.
 */
@Component({
  selector: 'rl-reverse-form',
  imports: [MatButtonModule, MatFormFieldModule, MatInputModule, ReactiveFormsModule, TranslocoPipe],
  providers: [{ provide: MAT_FORM_FIELD_DEFAULT_OPTIONS, useValue: { subscriptSizing: 'dynamic' } }],
  template: `
    <form class="rl-inline-form" [formGroup]="form" (ngSubmit)="confirmReversal()" novalidate aria-labelledby="reverse-heading">
      <h3 id="reverse-heading">{{ 'stock.reverse.heading' | transloco }}</h3>
      <p class="which">{{ movementText() }}</p>
      @if (submission.problem(); as message) {
        <div class="rl-banner" role="alert"><p>{{ message }}</p></div>
      }
      <div class="fields">
        <mat-form-field class="wide">
          <mat-label>{{ 'stock.field.reason' | transloco }}</mat-label>
          <input matInput formControlName="reason" dir="auto" autocomplete="off" [maxlength]="reasonMaxLength" />
          <mat-hint>{{ 'stock.reverse.reasonHint' | transloco }}</mat-hint>
          <mat-error>{{ reasonError() }}</mat-error>
        </mat-form-field>
      </div>
      <div class="rl-form-actions">
        <button mat-flat-button type="submit" [disabled]="submission.saving()">{{ 'stock.reverse.submit' | transloco }}</button>
        <button mat-button type="button" (click)="cancelled.emit()">{{ 'common.cancel' | transloco }}</button>
      </div>
    </form>
  `,
  styleUrl: '../stock-form.scss',
  styles: `
    .which {
      margin-block: 0 12px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReverseForm {
  private readonly language = inject(LanguageService);
  private readonly api = inject(StockApi);
  private readonly dialog = inject(MatDialog);

  readonly movement = input.required<MovementResponse>();
  /** The item's level now, to say what it becomes. */
  readonly level = input.required<number>();
  readonly reversed = output<MovementResponse>();
  readonly cancelled = output<void>();

  protected readonly reasonMaxLength = STOCK_LIMITS.reasonMaxLength;
  protected readonly form = new FormGroup({
    reason: new FormControl('', { nonNullable: true, validators: [Validators.required, requiredText, Validators.maxLength(STOCK_LIMITS.reasonMaxLength)] }),
  });
  protected readonly submission = new FormSubmission(this.form);
  protected readonly movementText = computed(() => describeMovement(this.movement(), this.language.words()));

  protected reasonError(): string {
    const errors = this.form.controls.reason.errors;
    if (!errors) return '';
    const words = this.language.words();
    if (typeof errors['server'] === 'string') return errors['server'];
    return errors['maxlength'] ? words.t('form.atMostCharacters', { max: this.reasonMaxLength }) : words.t('stock.reverse.reasonRequired');
  }

  protected confirmReversal(): void {
    if (this.form.invalid) {
      // The submission points at the field and says what is missing.
      this.submission.submit(() => this.api.reverseMovement(this.movement().id, { reason: '' }), () => undefined);
      return;
    }
    const reason = this.form.controls.reason.value.trim();
    const send = () =>
      this.submission.submit(
        () => this.api.reverseMovement(this.movement().id, { reason }),
        (reversal) => this.reversed.emit(reversal),
      );
    // Nothing to confirm: the server refuses, saying how much is left, and the banner shows it.
    if (wouldGoNegative({ movement: this.movement(), level: this.level() })) {
      send();
      return;
    }
    const words = this.language.words();
    confirmAction(this.dialog, {
      title: words.t('stock.reverse.confirmTitle'),
      message: describeReversal({ movement: this.movement(), level: this.level() }, words),
      confirmLabel: words.t('stock.reverse.confirm'),
      cancelLabel: words.t('common.cancel'),
    }).subscribe(send);
  }
}
