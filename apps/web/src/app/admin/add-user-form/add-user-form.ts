import { afterNextRender, ChangeDetectionStrategy, Component, ElementRef, inject, Injector, output, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { AbstractControl, FormControl, FormGroup, ReactiveFormsModule, ValidationErrors, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_FORM_FIELD_DEFAULT_OPTIONS, MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoPipe } from '@jsverse/transloco';
import { checkPassword, FieldError, PASSWORD_MIN_LENGTH, Problem, Role, ROLES, UserResponse } from '@relief-ledger/domain';

import { LanguageService } from '../../core/i18n/language.service';
import { ProblemMessages } from '../../core/problems/problem-messages';
import { toProblem } from '../../core/problems/to-problem';
import { AdminApi } from '../admin-api';

export const USER_NAME_MAX_LENGTH = 200;

type AddUserControlName = 'name' | 'email' | 'role' | 'password';

/** The domain's password rule, with the email beside it in the same form. */
function passwordRule(control: AbstractControl<string>): ValidationErrors | null {
  if (!control.value) return null;
  const email: unknown = control.parent?.get('email')?.value;
  const refusal = checkPassword({ password: control.value, email: typeof email === 'string' ? email : undefined })[0];
  return refusal ? { password: refusal } : null;
}

function requiredText(control: AbstractControl<string>): ValidationErrors | null {
  return control.value.trim() === '' ? { required: true } : null;
}

/** Adds a user to the administrator's organisation, with a first password the admin hands over. */
@Component({
  selector: 'rl-add-user-form',
  imports: [MatButtonModule, MatFormFieldModule, MatInputModule, MatSelectModule, ReactiveFormsModule, TranslocoPipe],
  providers: [{ provide: MAT_FORM_FIELD_DEFAULT_OPTIONS, useValue: { subscriptSizing: 'dynamic' } }],
  templateUrl: './add-user-form.html',
  styleUrl: './add-user-form.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AddUserForm {
  private readonly api = inject(AdminApi);
  private readonly host: ElementRef<HTMLElement> = inject(ElementRef);
  private readonly injector = inject(Injector);
  private readonly language = inject(LanguageService);
  private readonly messages = inject(ProblemMessages);

  readonly created = output<UserResponse>();
  readonly cancelled = output<void>();

  protected readonly roles = ROLES;
  protected readonly passwordMinLength = PASSWORD_MIN_LENGTH;
  protected readonly nameMaxLength = USER_NAME_MAX_LENGTH;
  protected readonly form = new FormGroup({
    name: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, requiredText, Validators.maxLength(USER_NAME_MAX_LENGTH)],
    }),
    email: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.email] }),
    // The least a new account can do; the admin raises it on purpose.
    role: new FormControl<Role>('field', { nonNullable: true, validators: [Validators.required] }),
    password: new FormControl('', { nonNullable: true, validators: [Validators.required, passwordRule] }),
  });
  protected readonly saving = signal(false);
  protected readonly problem = signal<string | undefined>(undefined);
  protected readonly passwordShown = signal(false);

  constructor() {
    // The password must not be the email: a new email re-checks it.
    this.form.controls.email.valueChanges
      .pipe(takeUntilDestroyed())
      .subscribe(() => this.form.controls.password.updateValueAndValidity({ emitEvent: false }));
    afterNextRender({ write: () => this.focusField('name') });
  }

  protected togglePasswordShown(): void {
    this.passwordShown.update((shown) => !shown);
  }

  protected errorFor(name: AddUserControlName): string {
    const errors = this.form.controls[name].errors;
    if (!errors) return '';
    const t = (key: string, params?: Record<string, string | number>) => this.language.t(key, params);
    // The API's reasons leave out the field ("is already used by another user"): name it.
    if (typeof errors['server'] === 'string') return t('form.fieldReason', { field: t(FIELD_LABELS[name]), reason: errors['server'] });
    if (errors['required']) return t(REQUIRED_MESSAGES[name]);
    if (errors['email']) return t('form.emailForm');
    if (errors['maxlength']) return t('form.atMostCharacters', { max: USER_NAME_MAX_LENGTH });
    if (errors['password']) return t('form.fieldReason', { field: t(FIELD_LABELS.password), reason: this.messages.fieldReason(errors['password'] as FieldError) });
    return t('form.checkValue');
  }

  protected createUser(): void {
    if (this.saving()) return;
    this.problem.set(undefined);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.focusFirstInvalidField();
      return;
    }
    const value = this.form.getRawValue();
    this.saving.set(true);
    this.api.createUser({ name: value.name.trim(), email: value.email.trim(), role: value.role, password: value.password }).subscribe({
      next: (user) => {
        this.saving.set(false);
        this.created.emit(user);
      },
      error: (error: unknown) => {
        this.saving.set(false);
        this.showProblem(toProblem(error));
      },
    });
  }

  protected cancel(): void {
    this.cancelled.emit();
  }

  private showProblem(problem: Problem): void {
    const unplaced: string[] = [];
    for (const error of problem.errors ?? []) {
      const control = this.form.get(error.field);
      if (control) {
        control.setErrors({ ...control.errors, server: this.messages.fieldReason(error) });
        control.markAsTouched();
      } else {
        unplaced.push(this.messages.unplacedReason(error));
      }
    }
    const placed = (problem.errors?.length ?? 0) > unplaced.length;
    // A 409 for an existing email explains itself under the field; a banner would say it twice.
    if (!placed || unplaced.length > 0) this.problem.set(this.messages.join([this.messages.message(problem), ...unplaced]));
    afterNextRender({ write: () => this.focusFirstInvalidField() }, { injector: this.injector });
  }

  private focusField(name: AddUserControlName): void {
    this.host.nativeElement.querySelector<HTMLElement>(`[formControlName="${name}"]`)?.focus();
  }

  private focusFirstInvalidField(): void {
    this.host.nativeElement.querySelector<HTMLElement>('input.ng-invalid, mat-select.ng-invalid')?.focus();
  }
}

/** Translation keys: each field's name, and what to say when it is left empty. */
const FIELD_LABELS: Readonly<Record<AddUserControlName, string>> = {
  name: 'admin.users.name',
  email: 'admin.users.email',
  role: 'admin.users.role',
  password: 'admin.users.password',
};

const REQUIRED_MESSAGES: Readonly<Record<AddUserControlName, string>> = {
  name: 'admin.users.nameRequired',
  email: 'admin.users.emailRequired',
  role: 'admin.users.roleRequired',
  password: 'admin.users.passwordRequired',
};
