import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslocoPipe } from '@jsverse/transloco';

export interface CloseCampDialogData {
  campName: string;
}

/** What the dialog closes with when the user confirms; no result means they cancelled. */
export interface CloseCampDecision {
  closedOn?: string;
}

/** Asks before closing a camp, because closing cannot be undone. */
@Component({
  selector: 'rl-close-camp-dialog',
  imports: [MatButtonModule, MatDialogModule, MatFormFieldModule, MatInputModule, ReactiveFormsModule, TranslocoPipe],
  template: `
    <h2 mat-dialog-title>{{ 'camps.closeDialog.title' | transloco: { name: data.campName } }}</h2>
    <mat-dialog-content>
      <p>{{ 'camps.closeDialog.message' | transloco }}</p>
      <mat-form-field>
        <mat-label>{{ 'camps.field.closedOn' | transloco }}</mat-label>
        <input matInput type="date" [formControl]="closedOn" />
        <mat-hint>{{ 'camps.closeDialog.hint' | transloco }}</mat-hint>
      </mat-form-field>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" (click)="keepCampOpen()">{{ 'camps.closeDialog.keepOpen' | transloco }}</button>
      <button mat-flat-button type="button" class="confirm" (click)="confirmClose()">{{ 'camps.detail.close' | transloco }}</button>
    </mat-dialog-actions>
  `,
  styles: `
    .confirm {
      --mat-button-filled-container-color: var(--mat-sys-error);
      --mat-button-filled-label-text-color: var(--mat-sys-on-error);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CloseCampDialog {
  protected readonly data: CloseCampDialogData = inject(MAT_DIALOG_DATA);
  private readonly dialogRef: MatDialogRef<CloseCampDialog, CloseCampDecision> = inject(MatDialogRef);

  // Empty means "today": the API dates it in the camp's own zone, which the browser may not share.
  protected readonly closedOn = new FormControl('', { nonNullable: true });

  // Not `mat-dialog-close`: as a bare attribute it closes with '' rather than with no result.
  protected keepCampOpen(): void {
    this.dialogRef.close();
  }

  protected confirmClose(): void {
    this.dialogRef.close(this.closedOn.value ? { closedOn: this.closedOn.value } : {});
  }
}
