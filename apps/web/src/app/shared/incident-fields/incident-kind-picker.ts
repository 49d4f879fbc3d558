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
      <mat-button-toggle-group [formControl]="control()" [attr.aria-label]="'incidentKindPicker.legend' | transloco">
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

    /* Separate tiles, each with its own border: Material's one outline around a group broke
       wherever the grid wrapped a row. */
    mat-button-toggle-group {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(140px, 1fr));
      gap: 8px;
      border: 0;
      border-radius: 0;
      overflow: visible;
    }

    .kind-picker mat-button-toggle.mat-button-toggle {
      --mat-button-toggle-height: 56px;
      min-height: 56px;
      border: 1px solid var(--mat-sys-outline);
      border-radius: 12px;
      overflow: hidden;
    }

    /* The chosen kind is marked by more than a fill (WCAG 1.4.1, 1.4.11): Material's check mark,
       a thick border in the primary colour and bold text. */
    .kind-picker mat-button-toggle.mat-button-toggle-checked {
      border: 3px solid var(--mat-sys-primary);
      font-weight: 700;
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
