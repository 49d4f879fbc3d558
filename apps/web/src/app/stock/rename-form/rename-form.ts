import { ChangeDetectionStrategy, Component, inject, input, OnInit, output } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_FORM_FIELD_DEFAULT_OPTIONS, MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslocoPipe } from '@jsverse/transloco';
import { STOCK_LIMITS, StockPointResponse } from '@relief-ledger/domain';

import { LanguageService } from '../../core/i18n/language.service';
import { requiredText } from '../../shared/forms/count-validators';
import { FormSubmission } from '../../shared/forms/form-submission';
import { StockApi } from '../stock-api';

/**
 * A new name for a stock point, sent with the version the page read: if someone renamed it
 * meanwhile the server says so (409) rather than one name silently replacing the other.
 */
@Component({
  selector: 'rl-rename-form',
  imports: [MatButtonModule, MatFormFieldModule, MatInputModule, ReactiveFormsModule, TranslocoPipe],
  providers: [{ provide: MAT_FORM_FIELD_DEFAULT_OPTIONS, useValue: { subscriptSizing: 'dynamic' } }],
  template: `
    <form class="rl-inline-form" [formGroup]="form" (ngSubmit)="renameStockPoint()" novalidate aria-labelledby="rename-heading">
      <h3 id="rename-heading">{{ 'stock.rename.heading' | transloco }}</h3>
      @if (submission.problem(); as message) {
        <div class="rl-banner" role="alert"><p>{{ message }}</p></div>
      }
      <div class="fields">
        <mat-form-field class="wide">
          <mat-label>{{ 'stock.rename.name' | transloco }}</mat-label>
          <input matInput formControlName="name" dir="auto" autocomplete="off" [maxlength]="nameMaxLength" />
          <mat-error>{{ nameError() }}</mat-error>
        </mat-form-field>
      </div>
      <div class="rl-form-actions">
        <button mat-flat-button type="submit" [disabled]="submission.saving()">{{ 'stock.rename.submit' | transloco }}</button>
        <button mat-button type="button" (click)="cancelled.emit()">{{ 'common.cancel' | transloco }}</button>
      </div>
    </form>
  `,
  styleUrl: '../stock-form.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RenameForm implements OnInit {
  private readonly language = inject(LanguageService);
  private readonly api = inject(StockApi);

  readonly stockPoint = input.required<StockPointResponse>();
  readonly renamed = output<StockPointResponse>();
  readonly cancelled = output<void>();

  protected readonly nameMaxLength = STOCK_LIMITS.stockPointNameMaxLength;
  protected readonly form = new FormGroup({
    name: new FormControl('', { nonNullable: true, validators: [Validators.required, requiredText, Validators.maxLength(STOCK_LIMITS.stockPointNameMaxLength)] }),
  });
  protected readonly submission = new FormSubmission(this.form);

  ngOnInit(): void {
    this.form.controls.name.setValue(this.stockPoint().name);
  }

  protected nameError(): string {
    const errors = this.form.controls.name.errors;
    if (!errors) return '';
    const words = this.language.words();
    if (typeof errors['server'] === 'string') return errors['server'];
    return errors['maxlength'] ? words.t('form.atMostCharacters', { max: this.nameMaxLength }) : words.t('stock.pointForm.nameRequired');
  }

  protected renameStockPoint(): void {
    this.submission.submit(
      () => this.api.renameStockPoint(this.stockPoint().id, { name: this.form.controls.name.value.trim(), version: this.stockPoint().version }),
      (point) => this.renamed.emit(point),
    );
  }
}
