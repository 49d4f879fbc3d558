import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MAT_FORM_FIELD_DEFAULT_OPTIONS, MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslocoPipe } from '@jsverse/transloco';
import { INCIDENT_LIMITS } from '@relief-ledger/domain';

import { LanguageService } from '../../core/i18n/language.service';
import { NumberInput } from '../../core/i18n/number-input';
import { countErrorMessage, requiredText, wholeNumber } from '../forms/count-validators';

/** The casualties and the description every incident report has, whichever form it is in. */
export interface IncidentDetailControls {
  killed: FormControl<number | null>;
  injured: FormControl<number | null>;
  description: FormControl<string>;
}

export function incidentDetailControls(): IncidentDetailControls {
  const casualties = () =>
    new FormControl<number | null>(0, [Validators.required, Validators.min(0), Validators.max(INCIDENT_LIMITS.casualtiesMax), wholeNumber]);
  return {
    killed: casualties(),
    injured: casualties(),
    description: new FormControl('', { nonNullable: true, validators: [requiredText, Validators.maxLength(INCIDENT_LIMITS.descriptionMaxLength)] }),
  };
}

/** Killed, injured and what happened, for a form whose group holds `incidentDetailControls()`. */
@Component({
  selector: 'rl-incident-details',
  imports: [MatFormFieldModule, MatInputModule, NumberInput, ReactiveFormsModule, TranslocoPipe],
  providers: [{ provide: MAT_FORM_FIELD_DEFAULT_OPTIONS, useValue: { subscriptSizing: 'dynamic' } }],
  template: `
    <div class="details" [formGroup]="form()">
      <div class="casualties">
        <mat-form-field>
          <mat-label>{{ 'incidentDetails.killed' | transloco }}</mat-label>
          <input matInput rlNumberInput inputmode="numeric" formControlName="killed" />
          <mat-error>{{ errorFor('killed') }}</mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'incidentDetails.injured' | transloco }}</mat-label>
          <input matInput rlNumberInput inputmode="numeric" formControlName="injured" />
          <mat-error>{{ errorFor('injured') }}</mat-error>
        </mat-form-field>
      </div>
      <mat-form-field>
        <mat-label>{{ 'incidentDetails.description' | transloco }}</mat-label>
        <textarea matInput formControlName="description" rows="3" [maxlength]="descriptionMaxLength"></textarea>
        <mat-hint>{{ 'incidentDetails.descriptionHint' | transloco }}</mat-hint>
        <mat-error>{{ errorFor('description') }}</mat-error>
      </mat-form-field>
    </div>
  `,
  styles: `
    .details,
    .casualties {
      display: grid;
      gap: 12px;
    }

    .casualties {
      grid-template-columns: repeat(2, minmax(0, 1fr));
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class IncidentDetails {
  /** Untyped: the forms' groups hold these controls among others, which a typed group would refuse. */
  readonly form = input.required<FormGroup>();

  private readonly language = inject(LanguageService);

  protected readonly descriptionMaxLength = INCIDENT_LIMITS.descriptionMaxLength;

  protected errorFor(name: keyof IncidentDetailControls): string {
    const errors = this.form().get(name)?.errors;
    if (!errors) return '';
    if (typeof errors['server'] === 'string') return errors['server'];
    const words = this.language.words();
    if (name === 'description') {
      return errors['maxlength'] ? words.t('form.atMostCharacters', { max: this.descriptionMaxLength }) : words.t('incidentDetails.sayWhatHappened');
    }
    return countErrorMessage(errors, words.t('incidentDetails.enterNumber'), words);
  }
}
