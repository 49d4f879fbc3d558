import { ChangeDetectionStrategy, Component, inject, input, OnInit, output } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_FORM_FIELD_DEFAULT_OPTIONS, MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { DONOR_LIMITS, ItemResponse, MovementResponse, StockPointResponse } from '@relief-ledger/domain';

import { DonorField } from '../../shared/donor-field/donor-field';
import { countErrorMessage, requiredText } from '../../shared/forms/count-validators';
import { StockApi } from '../stock-api';
import { FormSubmission } from '../../shared/forms/form-submission';
import { movementQuantityControl, REFERENCE_MAX_LENGTH } from '../stock-form';
import { LanguageService } from '../../core/i18n/language.service';

/**
 * Records stock arriving at a stock point: its waybill, and who funded it and under which
 * pipeline or grant, which the donor report counts by (the donors named before are suggested).
 */
@Component({
  selector: 'rl-receive-form',
  imports: [DonorField, MatButtonModule, MatFormFieldModule, MatInputModule, MatSelectModule, ReactiveFormsModule],
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
          <mat-hint>Waybill or delivery note, e.g. "waybill ATM-2019-1222"</mat-hint>
          <mat-error>{{ errorFor('reference') }}</mat-error>
        </mat-form-field>
        <rl-donor-field [control]="form.controls.donor" hint="Who funded it, e.g. ECHO; leave empty if unknown" [error]="errorFor('donor')" />
        <mat-form-field>
          <mat-label>Pipeline reference</mat-label>
          <input matInput formControlName="pipelineReference" autocomplete="off" [maxlength]="pipelineReferenceMaxLength" />
          <mat-hint>The donor's grant or pipeline number</mat-hint>
          <mat-error>{{ errorFor('pipelineReference') }}</mat-error>
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
  private readonly language = inject(LanguageService);
  private readonly api = inject(StockApi);

  readonly stockPoint = input.required<StockPointResponse>();
  readonly items = input.required<readonly ItemResponse[]>();
  /** The item to start with: the one whose ledger is on show. */
  readonly itemId = input<string>();
  readonly received = output<MovementResponse>();
  readonly cancelled = output<void>();

  protected readonly referenceMaxLength = REFERENCE_MAX_LENGTH;
  protected readonly pipelineReferenceMaxLength = DONOR_LIMITS.pipelineReferenceMaxLength;
  protected readonly form = new FormGroup({
    itemId: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    quantity: movementQuantityControl(),
    reference: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, requiredText, Validators.maxLength(REFERENCE_MAX_LENGTH)],
    }),
    donor: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(DONOR_LIMITS.donorMaxLength)] }),
    pipelineReference: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(DONOR_LIMITS.pipelineReferenceMaxLength)] }),
  });
  protected readonly submission = new FormSubmission(this.form);

  ngOnInit(): void {
    this.form.controls.itemId.setValue(this.itemId() ?? '');
  }

  protected errorFor(name: 'itemId' | 'quantity' | 'reference' | 'donor' | 'pipelineReference'): string {
    const errors = this.form.controls[name].errors;
    if (!errors) return '';
    if (name === 'donor' || name === 'pipelineReference') {
      if (typeof errors['server'] === 'string') return errors['server'];
      return errors['maxlength'] ? `At most ${errors['maxlength'].requiredLength} characters` : '';
    }
    if (name === 'itemId') return typeof errors['server'] === 'string' ? errors['server'] : 'Choose the item';
    if (name === 'reference') {
      if (typeof errors['server'] === 'string') return errors['server'];
      if (errors['maxlength']) return `At most ${REFERENCE_MAX_LENGTH} characters`;
      return 'Enter the waybill or delivery note reference';
    }
    return countErrorMessage(errors, 'Enter how many arrived', this.language.words());
  }

  protected receiveStock(): void {
    this.submission.submit(
      () => {
        const value = this.form.getRawValue();
        const donor = value.donor.trim();
        const pipelineReference = value.pipelineReference.trim();
        return this.api.receive({
          stockPointId: this.stockPoint().id,
          itemId: value.itemId,
          quantity: value.quantity as number,
          reference: value.reference.trim(),
          ...(donor ? { donor } : {}),
          ...(pipelineReference ? { pipelineReference } : {}),
        });
      },
      (movement) => this.received.emit(movement),
    );
  }
}
