import { ChangeDetectionStrategy, Component, computed, inject, input, OnInit, output } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_FORM_FIELD_DEFAULT_OPTIONS, MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoPipe } from '@jsverse/transloco';
import { DONOR_LIMITS, ItemResponse, MovementResponse, StockPointResponse } from '@relief-ledger/domain';

import { LanguageService } from '../../core/i18n/language.service';
import { NumberInput } from '../../core/i18n/number-input';
import { DonorField } from '../../shared/donor-field/donor-field';
import { countErrorMessage, requiredText } from '../../shared/forms/count-validators';
import { FormSubmission } from '../../shared/forms/form-submission';
import { localName } from '../../shared/lookups/local-name';
import { StockApi } from '../stock-api';
import { movementQuantityControl, REFERENCE_MAX_LENGTH } from '../stock-form';

/**
 * Records stock arriving at a stock point: its waybill, and who funded it and under which
 * pipeline or grant, which the donor report counts by (the donors named before are suggested).
 */
@Component({
  selector: 'rl-receive-form',
  imports: [DonorField, MatButtonModule, MatFormFieldModule, MatInputModule, MatSelectModule, NumberInput, ReactiveFormsModule, TranslocoPipe],
  providers: [{ provide: MAT_FORM_FIELD_DEFAULT_OPTIONS, useValue: { subscriptSizing: 'dynamic' } }],
  template: `
    <form class="rl-inline-form" [formGroup]="form" (ngSubmit)="receiveStock()" novalidate aria-labelledby="receive-heading">
      <h3 id="receive-heading">{{ 'stock.point.receive' | transloco }}</h3>
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
          <mat-label>{{ 'stock.field.quantity' | transloco }}</mat-label>
          <input matInput rlNumberInput inputmode="numeric" formControlName="quantity" />
          <mat-error>{{ errorFor('quantity') }}</mat-error>
        </mat-form-field>
        <mat-form-field class="wide">
          <mat-label>{{ 'stock.field.reference' | transloco }}</mat-label>
          <input matInput formControlName="reference" dir="auto" autocomplete="off" [maxlength]="referenceMaxLength" />
          <mat-hint>{{ 'stock.receive.referenceHint' | transloco }}</mat-hint>
          <mat-error>{{ errorFor('reference') }}</mat-error>
        </mat-form-field>
        <rl-donor-field [control]="form.controls.donor" [hint]="'stock.receive.donorHint' | transloco" [error]="errorFor('donor')" />
        <mat-form-field>
          <mat-label>{{ 'stock.receive.pipelineReference' | transloco }}</mat-label>
          <input matInput formControlName="pipelineReference" dir="ltr" autocomplete="off" [maxlength]="pipelineReferenceMaxLength" />
          <mat-hint>{{ 'stock.receive.pipelineHint' | transloco }}</mat-hint>
          <mat-error>{{ errorFor('pipelineReference') }}</mat-error>
        </mat-form-field>
      </div>
      <div class="rl-form-actions">
        <button mat-flat-button type="submit" [disabled]="submission.saving()">{{ 'stock.receive.submit' | transloco }}</button>
        <button mat-button type="button" (click)="cancelled.emit()">{{ 'common.cancel' | transloco }}</button>
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
  /** The catalogue named in the user's language (Arabic names for Arabic). */
  protected readonly itemChoices = computed(() => {
    const lang = this.language.lang();
    return this.items().map((item) => ({ id: item.id, name: localName(item, lang) }));
  });

  ngOnInit(): void {
    this.form.controls.itemId.setValue(this.itemId() ?? '');
  }

  protected errorFor(name: 'itemId' | 'quantity' | 'reference' | 'donor' | 'pipelineReference'): string {
    const errors = this.form.controls[name].errors;
    if (!errors) return '';
    const words = this.language.words();
    if (name === 'donor' || name === 'pipelineReference') {
      if (typeof errors['server'] === 'string') return errors['server'];
      return errors['maxlength'] ? words.t('form.atMostCharacters', { max: errors['maxlength'].requiredLength as number }) : '';
    }
    if (name === 'itemId') return typeof errors['server'] === 'string' ? errors['server'] : words.t('stock.receive.chooseItem');
    if (name === 'reference') {
      if (typeof errors['server'] === 'string') return errors['server'];
      if (errors['maxlength']) return words.t('form.atMostCharacters', { max: REFERENCE_MAX_LENGTH });
      return words.t('stock.receive.referenceRequired');
    }
    return countErrorMessage(errors, words.t('stock.receive.quantityRequired'), words);
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
