import { DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input, OnInit, output } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_FORM_FIELD_DEFAULT_OPTIONS, MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MovementResponse, StockLevelResponse, StockPointResponse } from '@relief-ledger/domain';

import { countErrorMessage } from '../../shared/forms/count-validators';
import { StockApi } from '../stock-api';
import { FormSubmission } from '../../shared/forms/form-submission';
import { movementQuantityControl, REFERENCE_MAX_LENGTH } from '../stock-form';
import { LanguageService } from '../../core/i18n/language.service';

/** Moves stock from this stock point to another of the organisation; both legs are recorded together. */
@Component({
  selector: 'rl-transfer-form',
  imports: [DecimalPipe, MatButtonModule, MatFormFieldModule, MatInputModule, MatSelectModule, ReactiveFormsModule],
  providers: [{ provide: MAT_FORM_FIELD_DEFAULT_OPTIONS, useValue: { subscriptSizing: 'dynamic' } }],
  template: `
    <form class="rl-inline-form" [formGroup]="form" (ngSubmit)="transferStock()" novalidate aria-labelledby="transfer-heading">
      <h3 id="transfer-heading">Transfer</h3>
      @if (submission.problem(); as message) {
        <div class="rl-banner" role="alert"><p>{{ message }}</p></div>
      }
      @if (heldItems().length === 0) {
        <p class="nothing">{{ stockPoint().name }} holds nothing to transfer.</p>
      }
      <div class="fields">
        <mat-form-field>
          <mat-label>Item</mat-label>
          <mat-select formControlName="itemId">
            @for (level of heldItems(); track level.itemId) {
              <mat-option [value]="level.itemId">{{ level.itemName }}</mat-option>
            }
          </mat-select>
          <mat-error>{{ errorFor('itemId') }}</mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label>To stock point</mat-label>
          <mat-select formControlName="toStockPointId">
            @for (point of destinations(); track point.id) {
              <mat-option [value]="point.id">{{ point.name }}</mat-option>
            }
          </mat-select>
          <mat-error>{{ errorFor('toStockPointId') }}</mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label>Quantity</mat-label>
          <input matInput type="number" inputmode="numeric" min="1" step="1" formControlName="quantity" />
          @if (available(); as level) {
            <mat-hint>{{ level.quantity | number }} {{ level.unit }} available</mat-hint>
          }
          <mat-error>{{ errorFor('quantity') }}</mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label>Reference</mat-label>
          <input matInput formControlName="reference" autocomplete="off" [maxlength]="referenceMaxLength" />
          <mat-hint>Optional: waybill or truck</mat-hint>
          <mat-error>{{ errorFor('reference') }}</mat-error>
        </mat-form-field>
      </div>
      <div class="rl-form-actions">
        <button mat-flat-button type="submit" [disabled]="submission.saving()">Transfer stock</button>
        <button mat-button type="button" (click)="cancelled.emit()">Cancel</button>
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
  protected readonly heldItems = computed(() => this.levels().filter((level) => level.quantity > 0));
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
    if (typeof errors['server'] === 'string') return errors['server'];
    if (name === 'itemId') return 'Choose the item';
    if (name === 'toStockPointId') return 'Choose where it goes';
    if (name === 'reference') return `At most ${REFERENCE_MAX_LENGTH} characters`;
    return countErrorMessage(errors, 'Enter how many to send', this.language.words());
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
