import { ChangeDetectionStrategy, Component, computed, inject, input, OnInit, output } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_FORM_FIELD_DEFAULT_OPTIONS, MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoPipe } from '@jsverse/transloco';
import { ItemResponse, MovementResponse, StockLevelResponse, StockPointResponse } from '@relief-ledger/domain';

import { LanguageService } from '../../core/i18n/language.service';
import { NumberInput } from '../../core/i18n/number-input';
import { countErrorMessage } from '../../shared/forms/count-validators';
import { FormSubmission } from '../../shared/forms/form-submission';
import { StockApi } from '../stock-api';
import { movementQuantityControl, REFERENCE_MAX_LENGTH } from '../stock-form';
import { levelItemName, showsUnits } from '../stock-words';

/** Moves stock from this stock point to another of the organisation; both legs are recorded together. */
@Component({
  selector: 'rl-transfer-form',
  imports: [MatButtonModule, MatFormFieldModule, MatInputModule, MatSelectModule, NumberInput, ReactiveFormsModule, TranslocoPipe],
  providers: [{ provide: MAT_FORM_FIELD_DEFAULT_OPTIONS, useValue: { subscriptSizing: 'dynamic' } }],
  template: `
    <form class="rl-inline-form" [formGroup]="form" (ngSubmit)="transferStock()" novalidate aria-labelledby="transfer-heading">
      <h3 id="transfer-heading">{{ 'stock.point.transfer' | transloco }}</h3>
      @if (submission.problem(); as message) {
        <div class="rl-banner" role="alert"><p>{{ message }}</p></div>
      }
      @if (heldItems().length === 0) {
        <p class="nothing">{{ 'stock.transfer.nothing' | transloco: { name: stockPoint().name } }}</p>
      }
      <div class="fields">
        <mat-form-field>
          <mat-label>{{ 'stock.field.item' | transloco }}</mat-label>
          <mat-select formControlName="itemId">
            @for (level of heldItems(); track level.itemId) {
              <mat-option [value]="level.itemId"><bdi>{{ level.name }}</bdi></mat-option>
            }
          </mat-select>
          <mat-error>{{ errorFor('itemId') }}</mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'stock.transfer.toStockPoint' | transloco }}</mat-label>
          <mat-select formControlName="toStockPointId">
            @for (point of destinations(); track point.id) {
              <mat-option [value]="point.id"><bdi>{{ point.name }}</bdi></mat-option>
            }
          </mat-select>
          <mat-error>{{ errorFor('toStockPointId') }}</mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'stock.field.quantity' | transloco }}</mat-label>
          <input matInput rlNumberInput inputmode="numeric" formControlName="quantity" />
          @if (available(); as level) {
            <mat-hint>{{ 'stock.transfer.available' | transloco: { quantity: level.quantity, unit: showUnits() ? level.unit : '' } }}</mat-hint>
          }
          <mat-error>{{ errorFor('quantity') }}</mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'stock.field.reference' | transloco }}</mat-label>
          <input matInput formControlName="reference" dir="auto" autocomplete="off" [maxlength]="referenceMaxLength" />
          <mat-hint>{{ 'stock.transfer.referenceHint' | transloco }}</mat-hint>
          <mat-error>{{ errorFor('reference') }}</mat-error>
        </mat-form-field>
      </div>
      <div class="rl-form-actions">
        <button mat-flat-button type="submit" [disabled]="submission.saving()">{{ 'stock.transfer.submit' | transloco }}</button>
        <button mat-button type="button" (click)="cancelled.emit()">{{ 'common.cancel' | transloco }}</button>
      </div>
    </form>
  `,
  styleUrl: '../stock-form.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TransferForm implements OnInit {
  private readonly language = inject(LanguageService);
  private readonly api = inject(StockApi);

  /** Where the stock leaves from. */
  readonly stockPoint = input.required<StockPointResponse>();
  /** What it holds now. */
  readonly levels = input.required<readonly StockLevelResponse[]>();
  /** The catalogue, for the items' Arabic names. */
  readonly items = input<readonly ItemResponse[]>([]);
  /** Every stock point of the organisation, this one included. */
  readonly stockPoints = input.required<readonly StockPointResponse[]>();
  readonly itemId = input<string>();
  /** Both legs: out of this stock point, into the other. */
  readonly transferred = output<MovementResponse[]>();
  readonly cancelled = output<void>();

  protected readonly referenceMaxLength = REFERENCE_MAX_LENGTH;
  protected readonly form = new FormGroup({
    itemId: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    toStockPointId: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    quantity: movementQuantityControl(),
    reference: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(REFERENCE_MAX_LENGTH)] }),
  });
  protected readonly submission = new FormSubmission(this.form);
  protected readonly heldItems = computed(() => {
    const lang = this.language.lang();
    return this.levels()
      .filter((level) => level.quantity > 0)
      .map((level) => ({ ...level, name: levelItemName(level, this.items(), lang) }));
  });
  protected readonly showUnits = computed(() => showsUnits(this.language.lang()));
  protected readonly destinations = computed(() => this.stockPoints().filter((point) => point.id !== this.stockPoint().id));
  private readonly chosenItemId = toSignal(this.form.controls.itemId.valueChanges, { initialValue: '' });
  protected readonly available = computed(() => this.levels().find((level) => level.itemId === this.chosenItemId()));

  ngOnInit(): void {
    const itemId = this.itemId();
    if (itemId && this.heldItems().some((level) => level.itemId === itemId)) this.form.controls.itemId.setValue(itemId);
  }

  protected errorFor(name: 'itemId' | 'toStockPointId' | 'quantity' | 'reference'): string {
    const errors = this.form.controls[name].errors;
    if (!errors) return '';
    const words = this.language.words();
    if (typeof errors['server'] === 'string') return errors['server'];
    if (name === 'itemId') return words.t('stock.receive.chooseItem');
    if (name === 'toStockPointId') return words.t('stock.transfer.chooseDestination');
    if (name === 'reference') return words.t('form.atMostCharacters', { max: REFERENCE_MAX_LENGTH });
    return countErrorMessage(errors, words.t('stock.transfer.quantityRequired'), words);
  }

  protected transferStock(): void {
    this.submission.submit(
      () => {
        const value = this.form.getRawValue();
        const reference = value.reference.trim();
        return this.api.transfer({
          fromStockPointId: this.stockPoint().id,
          toStockPointId: value.toStockPointId,
          itemId: value.itemId,
          quantity: value.quantity as number,
          ...(reference ? { reference } : {}),
        });
      },
      (legs) => this.transferred.emit(legs),
    );
  }
}
