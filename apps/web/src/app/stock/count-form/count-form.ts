import { ChangeDetectionStrategy, Component, computed, inject, input, OnInit, output } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_FORM_FIELD_DEFAULT_OPTIONS, MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoPipe } from '@jsverse/transloco';
import { ItemResponse, MovementResponse, STOCK_LIMITS, StockLevelResponse, StockPointResponse } from '@relief-ledger/domain';

import { LanguageService } from '../../core/i18n/language.service';
import { NumberInput } from '../../core/i18n/number-input';
import { countErrorMessage, requiredText, wholeNumber } from '../../shared/forms/count-validators';
import { FormSubmission } from '../../shared/forms/form-submission';
import { StockApi } from '../stock-api';
import { countDifference, describeCountDifference } from '../count-difference';
import { levelItemName, showsUnits } from '../stock-words';

/**
 * A stock count: what was found on the shelves, and why it differs. The ledger records the
 * difference as an adjustment, which the form shows before anything is saved.
 */
@Component({
  selector: 'rl-count-form',
  imports: [MatButtonModule, MatFormFieldModule, MatInputModule, MatSelectModule, NumberInput, ReactiveFormsModule, TranslocoPipe],
  providers: [{ provide: MAT_FORM_FIELD_DEFAULT_OPTIONS, useValue: { subscriptSizing: 'dynamic' } }],
  template: `
    <form class="rl-inline-form" [formGroup]="form" (ngSubmit)="recordCount()" novalidate aria-labelledby="count-heading">
      <h3 id="count-heading">{{ 'stock.point.count' | transloco }}</h3>
      @if (submission.problem(); as message) {
        <div class="rl-banner" role="alert"><p>{{ message }}</p></div>
      }
      <div class="fields">
        <mat-form-field>
          <mat-label>{{ 'stock.field.item' | transloco }}</mat-label>
          <mat-select formControlName="itemId">
            @for (item of itemChoices(); track item.id) {
              <mat-option [value]="item.id"><bdi>{{ item.name }}</bdi></mat-option>
            }
          </mat-select>
          <mat-error>{{ errorFor('itemId') }}</mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'stock.count.counted' | transloco }}</mat-label>
          <input matInput rlNumberInput inputmode="numeric" formControlName="countedQuantity" />
          <mat-hint>{{ 'stock.count.ledgerHolds' | transloco: { quantity: currentLevel(), unit: unitShown() } }}</mat-hint>
          <mat-error>{{ errorFor('countedQuantity') }}</mat-error>
        </mat-form-field>
        <mat-form-field class="wide">
          <mat-label>{{ 'stock.field.reason' | transloco }}</mat-label>
          <input matInput formControlName="reason" dir="auto" autocomplete="off" [maxlength]="reasonMaxLength" />
          <mat-hint>{{ 'stock.count.reasonHint' | transloco }}</mat-hint>
          <mat-error>{{ errorFor('reason') }}</mat-error>
        </mat-form-field>
      </div>
      <!-- Said once the figure settles, not at every key: polite, and only this line. -->
      <p class="difference" aria-live="polite" [class.out]="(difference() ?? 0) < 0">{{ differenceText() }}</p>
      <div class="rl-form-actions">
        <button mat-flat-button type="submit" [disabled]="submission.saving() || difference() === 0">{{ 'stock.count.submit' | transloco }}</button>
        <button mat-button type="button" (click)="cancelled.emit()">{{ 'common.cancel' | transloco }}</button>
      </div>
    </form>
  `,
  styleUrl: '../stock-form.scss',
  styles: `
    .difference {
      margin-block: 12px 0;
      font-weight: 500;
      min-block-size: 1.5em;
    }

    .difference.out {
      color: var(--mat-sys-error);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CountForm implements OnInit {
  private readonly language = inject(LanguageService);
  private readonly api = inject(StockApi);

  readonly stockPoint = input.required<StockPointResponse>();
  readonly levels = input.required<readonly StockLevelResponse[]>();
  /** The catalogue: a count may find an item the ledger says is not there. */
  readonly items = input.required<readonly ItemResponse[]>();
  readonly itemId = input<string>();
  readonly recorded = output<MovementResponse>();
  readonly cancelled = output<void>();

  protected readonly reasonMaxLength = STOCK_LIMITS.reasonMaxLength;
  protected readonly form = new FormGroup({
    itemId: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    // Zero is a count: everything is gone.
    countedQuantity: new FormControl<number | null>(null, [Validators.required, Validators.min(0), Validators.max(STOCK_LIMITS.quantityMax), wholeNumber]),
    reason: new FormControl('', { nonNullable: true, validators: [Validators.required, requiredText, Validators.maxLength(STOCK_LIMITS.reasonMaxLength)] }),
  });
  protected readonly submission = new FormSubmission(this.form);
  protected readonly itemChoices = computed(() => {
    const lang = this.language.lang();
    return this.items().map((item) => ({ id: item.id, name: levelItemName({ itemId: item.id, itemName: item.nameEn }, this.items(), lang) }));
  });
  private readonly chosenItemId = toSignal(this.form.controls.itemId.valueChanges, { initialValue: '' });
  private readonly counted = toSignal(this.form.controls.countedQuantity.valueChanges, { initialValue: null });
  protected readonly currentLevel = computed(() => this.levels().find((level) => level.itemId === this.chosenItemId())?.quantity ?? 0);
  protected readonly unitShown = computed(() => {
    const item = this.items().find((candidate) => candidate.id === this.chosenItemId());
    return item && showsUnits(this.language.lang()) ? item.unit : '';
  });
  protected readonly difference = computed(() => (this.chosenItemId() ? countDifference({ level: this.currentLevel(), counted: this.counted() }) : undefined));
  protected readonly differenceText = computed(() => {
    const delta = this.difference();
    const item = this.items().find((candidate) => candidate.id === this.chosenItemId());
    return delta === undefined || !item ? '' : describeCountDifference({ delta, item }, this.language.words());
  });

  ngOnInit(): void {
    this.form.controls.itemId.setValue(this.itemId() ?? '');
  }

  protected errorFor(name: 'itemId' | 'countedQuantity' | 'reason'): string {
    const errors = this.form.controls[name].errors;
    if (!errors) return '';
    const words = this.language.words();
    if (typeof errors['server'] === 'string') return errors['server'];
    if (name === 'itemId') return words.t('stock.receive.chooseItem');
    if (name === 'reason') return errors['maxlength'] ? words.t('form.atMostCharacters', { max: STOCK_LIMITS.reasonMaxLength }) : words.t('stock.count.reasonRequired');
    return countErrorMessage(errors, words.t('stock.count.countedRequired'), words);
  }

  protected recordCount(): void {
    this.submission.submit(
      () => {
        const value = this.form.getRawValue();
        return this.api.recordCount({
          stockPointId: this.stockPoint().id,
          itemId: value.itemId,
          countedQuantity: value.countedQuantity as number,
          reason: value.reason.trim(),
        });
      },
      (movement) => this.recorded.emit(movement),
    );
  }
}
