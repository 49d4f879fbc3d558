import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MAT_FORM_FIELD_DEFAULT_OPTIONS, MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { INCIDENT_LIMITS } from '@relief-ledger/domain';

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
  imports: [MatFormFieldModule, MatInputModule, ReactiveFormsModule],
  providers: [{ provide: MAT_FORM_FIELD_DEFAULT_OPTIONS, useValue: { subscriptSizing: 'dynamic' } }],
  template: `
    <div class="details" [formGroup]="form()">
      <div class="casualties">
        <mat-form-field>
          <mat-label>Killed</mat-label>
          <input matInput type="number" inputmode="numeric" min="0" step="1" formControlName="killed" />
          <mat-error>{{ errorFor('killed') }}</mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label>Injured</mat-label>
          <input matInput type="number" inputmode="numeric" min="0" step="1" formControlName="injured" />
          <mat-error>{{ errorFor('injured') }}</mat-error>
        </mat-form-field>
      </div>
      <mat-form-field>
        <mat-label>Description</mat-label>
        <textarea matInput formControlName="description" rows="3" [maxlength]="descriptionMaxLength"></textarea>
        <mat-hint>What happened, to whom, what is needed</mat-hint>
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

  protected readonly descriptionMaxLength = INCIDENT_LIMITS.descriptionMaxLength;

  protected errorFor(name: keyof IncidentDetailControls): string {
    const errors = this.form().get(name)?.errors;
    if (!errors) return '';
    if (typeof errors['server'] === 'string') return errors['server'];
    if (name === 'description') {
      return errors['maxlength'] ? `At most ${this.descriptionMaxLength} characters` : 'Say what happened';
    }
    return countErrorMessage(errors, 'Enter a number, 0 if none');
  }
}
