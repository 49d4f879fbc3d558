import { afterNextRender, ChangeDetectionStrategy, Component, ElementRef, inject, Injector, signal, viewChild } from '@angular/core';
import { AbstractControl, FormControl, FormGroup, FormGroupDirective, ReactiveFormsModule, ValidationErrors, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { TranslocoPipe } from '@jsverse/transloco';
import { checkPassword, FieldError, PASSWORD_MIN_LENGTH, Problem } from '@relief-ledger/domain';

import { AuthApi } from '../../core/auth/auth-api';
import { SessionStore } from '../../core/auth/session-store';
import { LanguageService } from '../../core/i18n/language.service';
import { ProblemMessages } from '../../core/problems/problem-messages';
import { focusMessage } from '../../shared/forms/form-submission';
import { toProblem } from '../../core/problems/to-problem';

type PasswordControlName = 'currentPassword' | 'newPassword';

/** The field's name as its errors begin ("Current password is wrong"): translation keys. */
const FIELD_LABELS: Readonly<Record<PasswordControlName, string>> = {
  currentPassword: 'account.password.current',
  newPassword: 'account.password.new',
};

/**
 * Replaces the password an administrator handed over with one only the user knows. The server ends
 * the user's other sessions (a phone left behind is signed out) and keeps this one.
 */
@Component({
  selector: 'rl-change-password-page',
  imports: [MatButtonModule, MatFormFieldModule, MatInputModule, MatProgressBarModule, ReactiveFormsModule, TranslocoPipe],
  templateUrl: './change-password-page.html',
  styleUrl: './change-password-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ChangePasswordPage {
  private readonly api = inject(AuthApi);
  private readonly store = inject(SessionStore);
  private readonly host: ElementRef<HTMLElement> = inject(ElementRef);
  private readonly injector = inject(Injector);
  private readonly language = inject(LanguageService);
  private readonly messages = inject(ProblemMessages);

  protected readonly passwordMinLength = PASSWORD_MIN_LENGTH;
  protected readonly form = new FormGroup({
    currentPassword: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    newPassword: new FormControl('', { nonNullable: true, validators: [Validators.required, (control) => this.newPasswordRule(control)] }),
  });
  /** Resetting through the directive also forgets the submit, so the emptied fields show no errors. */
  private readonly formDirective = viewChild.required(FormGroupDirective);
  protected readonly saving = signal(false);
  protected readonly problem = signal<string | undefined>(undefined);
  protected readonly changed = signal(false);
  protected readonly currentShown = signal(false);
  protected readonly newShown = signal(false);

  protected toggleCurrentPasswordShown(): void {
    this.currentShown.update((shown) => !shown);
  }

  protected toggleNewPasswordShown(): void {
    this.newShown.update((shown) => !shown);
  }

  protected errorFor(name: PasswordControlName): string {
    const errors = this.form.controls[name].errors;
    if (!errors) return '';
    const t = (key: string, params?: Record<string, string>) => this.language.t(key, params);
    // The API's reasons leave out the field ("is wrong"): name it.
    if (typeof errors['server'] === 'string') return t('form.fieldReason', { field: t(FIELD_LABELS[name]), reason: errors['server'] });
    if (errors['required']) return t(name === 'currentPassword' ? 'account.password.currentRequired' : 'account.password.newRequired');
    if (errors['password']) return t('form.fieldReason', { field: t(FIELD_LABELS.newPassword), reason: this.messages.fieldReason(errors['password'] as FieldError) });
    return t('form.checkValue');
  }

  protected changePassword(): void {
    if (this.saving()) return;
    this.problem.set(undefined);
    this.changed.set(false);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.focusFirstInvalidField();
      return;
    }
    const { currentPassword, newPassword } = this.form.getRawValue();
    this.saving.set(true);
    this.api.changePassword({ currentPassword, newPassword }).subscribe({
      next: () => {
        this.saving.set(false);
        this.changed.set(true);
        // Neither password stays on screen.
        this.formDirective().resetForm();
        afterNextRender({ write: () => focusMessage(this.host.nativeElement.querySelector<HTMLElement>('.changed')) }, { injector: this.injector });
      },
      error: (error: unknown) => {
        this.saving.set(false);
        this.showProblem(toProblem(error));
      },
    });
  }

  /** The domain's password rule, with the user's own email (the password must not be it). */
  private newPasswordRule(control: AbstractControl<string>): ValidationErrors | null {
    if (!control.value) return null;
    const refusal = checkPassword({ password: control.value, email: this.store.session()?.user.email })[0];
    return refusal ? { password: refusal } : null;
  }

  private showProblem(problem: Problem): void {
    const unplaced: string[] = [];
    for (const error of problem.errors ?? []) {
      const { field } = error;
      const control = field === 'currentPassword' || field === 'newPassword' ? this.form.controls[field] : undefined;
      if (control) {
        control.setErrors({ ...control.errors, server: this.messages.fieldReason(error) });
        control.markAsTouched();
      } else {
        unplaced.push(this.messages.unplacedReason(error));
      }
    }
    const placed = (problem.errors?.length ?? 0) > unplaced.length;
    // "Current password is wrong" under the field says it all; a banner would say it twice.
    if (!placed || unplaced.length > 0) this.problem.set(this.messages.join([this.messages.message(problem), ...unplaced]));
    // The banner when there is one (it sums up), otherwise the field that was refused.
    afterNextRender(
      { write: () => focusMessage(this.host.nativeElement.querySelector<HTMLElement>('.rl-banner') ?? this.host.nativeElement.querySelector<HTMLElement>('input.ng-invalid')) },
      { injector: this.injector },
    );
  }

  private focusFirstInvalidField(): void {
    this.host.nativeElement.querySelector<HTMLElement>('input.ng-invalid')?.focus();
  }
}
