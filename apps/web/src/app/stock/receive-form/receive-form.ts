import { ChangeDetectionStrategy, Component, inject, input, OnInit, output } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_FORM_FIELD_DEFAULT_OPTIONS, MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { ItemResponse, MovementResponse, StockPointResponse } from '@relief-ledger/domain';

import { countErrorMessage, requiredText } from '../../shared/forms/count-validators';
import { StockApi } from '../stock-api';
import { FormSubmission } from '../../shared/forms/form-submission';
import { movementQuantityControl, REFERENCE_MAX_LENGTH } from '../stock-form';

/** Records stock arriving at a stock point, with the donor, pipeline or waybill it came under. */
@Component({
  selector: 'rl-receive-form',
  imports: [MatButtonModule, MatFormFieldModule, MatInputModule, MatSelectModule, ReactiveFormsModule],
  providers: [{ provide: MAT_FORM_FIELD_DEFAULT_OPTIONS, useValue: { subscriptSizing: 'dynamic' } }],
  template: `
    <form class="rl-inline-form" [formGroup]="form" (ngSubmit)="receiveStock()" novalidate aria-labelledby="receive-heading">
      <h3 id="receive-heading">Receive</h3>
      @if (submission.problem(); as message) {
        <div class="rl-banner" role="alert"><p>{{ message }}</p></div>
      }
      <div class="fields">
        <mat-form-field>
          <mat-label>Item</mat-label>
          <mat-select formControlName="itemId">
            @for (item of items(); track item.id) {
              <mat-option [value]="item.id">{{ item.nameEn }}</mat-option>
            }
          </mat-select>
          <mat-error>{{ errorFor('itemId') }}</mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label>Quantity</mat-label>
          <input matInput type="number" inputmode="numeric" min="1" step="1" formControlName="quantity" />
          <mat-error>{{ errorFor('quantity') }}</mat-error>
        </mat-form-field>
        <mat-form-field class="wide">
          <mat-label>Reference</mat-label>
          <input matInput formControlName="reference" autocomplete="off" [maxlength]="referenceMaxLength" />
          <mat-hint>Donor, pipeline or waybill, e.g. "UNHCR pipeline, waybill ATM-2019-1222"</mat-hint>
          <mat-error>{{ errorFor('reference') }}</mat-error>
        </mat-form-field>
      </div>
      <div class="rl-form-actions">
        <button mat-flat-button type="submit" [disabled]="submission.saving()">Receive stock</button>
        <button mat-button type="button" (click)="cancelled.emit()">Cancel</button>
      </div>
    </form>
  `,
  styleUrl: '../stock-form.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReceiveForm implements OnInit {
  private readonly api = inject(StockApi);

  readonly stockPoint = input.required<StockPointResponse>();
  readonly items = input.required<readonly ItemResponse[]>();
  /** The item to start with: the one whose ledger is on show. */
  readonly itemId = input<string>();
  readonly received = output<MovementResponse>();
  readonly cancelled = output<void>();

  protected readonly referenceMaxLength = REFERENCE_MAX_LENGTH;
  protected readonly form = new FormGroup({
    itemId: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    quantity: movementQuantityControl(),
    reference: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, requiredText, Validators.maxLength(REFERENCE_MAX_LENGTH)],
    }),
  });
  protected readonly submission = new FormSubmission(this.form);

  ngOnInit(): void {
    this.form.controls.itemId.setValue(this.itemId() ?? '');
  }

  protected errorFor(name: 'itemId' | 'quantity' | 'reference'): string {
    const errors = this.form.controls[name].errors;
    if (!errors) return '';
    if (name === 'itemId') return typeof errors['server'] === 'string' ? errors['server'] : 'Choose the item';
    if (name === 'reference') {
      if (typeof errors['server'] === 'string') return errors['server'];
      if (errors['maxlength']) return `At most ${REFERENCE_MAX_LENGTH} characters`;
      return 'Enter the donor, pipeline or waybill reference';
    }
    return countErrorMessage(errors, 'Enter how many arrived');
  }

  protected receiveStock(): void {
    this.submission.submit(
      () => {
        const value = this.form.getRawValue();
        return this.api.receive({
          stockPointId: this.stockPoint().id,
          itemId: value.itemId,
          quantity: value.quantity as number,
          reference: value.reference.trim(),
        });
      },
      (movement) => this.received.emit(movement),
    );
  }
}
