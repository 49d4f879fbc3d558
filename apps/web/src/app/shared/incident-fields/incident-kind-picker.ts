import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { TranslocoPipe } from '@jsverse/transloco';
import { INCIDENT_KINDS, IncidentKind } from '@relief-ledger/domain';

/**
 * What happened, as big buttons a thumb can hit on a phone in a hurry: one tap, no list to open.
 * The control belongs to the form around it, which says what is wrong through `error`.
 */
@Component({
  selector: 'rl-incident-kind-picker',
  imports: [MatButtonToggleModule, ReactiveFormsModule, TranslocoPipe],
  template: `
    <fieldset class="kind-picker">
      <legend>{{ 'incidentKindPicker.legend' | transloco }}</legend>
      <mat-button-toggle-group [formControl]="control()" [attr.aria-label]="'incidentKindPicker.legend' | transloco" hideSingleSelectionIndicator>
        @for (kind of kinds; track kind) {
          <mat-button-toggle [value]="kind">{{ 'incidentKind.' + kind | transloco }}</mat-button-toggle>
        }
      </mat-button-toggle-group>
      @if (error(); as error) {
        <p class="error" role="alert">{{ error }}</p>
      }
    </fieldset>
  `,
  styles: `
    .kind-picker {
      margin: 0;
      padding: 0;
      border: 0;
      min-width: 0;
    }

    legend {
      margin-bottom: 8px;
      font: var(--mat-sys-title-small);
    }

    mat-button-toggle-group {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(140px, 1fr));
      border-radius: 12px;
    }

    mat-button-toggle {
      --mat-button-toggle-height: 56px;
      min-height: 56px;
    }

    .error {
      margin: 4px 0 0;
      color: var(--mat-sys-error);
      font: var(--mat-sys-body-small);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class IncidentKindPicker {
  readonly control = input.required<FormControl<IncidentKind | null>>();
  /** Shown only once the form has been submitted or the field touched; empty for none. */
  readonly error = input('');

  protected readonly kinds = INCIDENT_KINDS;
}
