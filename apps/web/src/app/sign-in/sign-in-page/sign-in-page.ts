import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  inject,
  Injector,
  input,
  signal,
} from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Router } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';

import { SignInError } from '../../core/auth/auth-api';
import { HOME_PAGE } from '../../core/auth/home-page';
import { safeReturnUrl } from '../../core/auth/safe-return-url';
import { SessionStore } from '../../core/auth/session-store';
import { formatTime } from '../../core/i18n/intl-format';
import { LanguageService } from '../../core/i18n/language.service';
import { LanguageSwitch } from '../../core/i18n/language-switch';
import { ProblemMessages } from '../../core/problems/problem-messages';
import { toProblem } from '../../core/problems/to-problem';
import { VIEWER_TIME_ZONE } from '../../shared/time/viewer-time-zone';

export const DEFAULT_PAGE_AFTER_SIGN_IN = HOME_PAGE;

/** Email and password, then on to the page the user was headed for. */
@Component({
  selector: 'rl-sign-in-page',
  imports: [LanguageSwitch, MatButtonModule, MatFormFieldModule, MatInputModule, MatProgressBarModule, ReactiveFormsModule, TranslocoPipe],
  templateUrl: './sign-in-page.html',
  styleUrl: './sign-in-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SignInPage {
  private readonly store = inject(SessionStore);
  private readonly router = inject(Router);
  private readonly language = inject(LanguageService);
  private readonly messages = inject(ProblemMessages);
  private readonly viewerZone = inject(VIEWER_TIME_ZONE);
  private readonly host: ElementRef<HTMLElement> = inject(ElementRef);
  private readonly injector = inject(Injector);

  /** Query parameter `?returnUrl=`: where to go once signed in, if it is a page of this app. */
  readonly returnUrl = input<string>();

  protected readonly form = new FormGroup({
    email: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.email] }),
    password: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
  });
  protected readonly signingIn = signal(false);
  protected readonly problem = signal<string | undefined>(undefined);
  protected readonly passwordShown = signal(false);

  protected togglePasswordShown(): void {
    this.passwordShown.update((shown) => !shown);
  }

  protected signIn(): void {
    if (this.signingIn()) return;
    this.problem.set(undefined);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.focus(this.form.controls.email.invalid ? 'email' : 'password');
      return;
    }
    const { email, password } = this.form.getRawValue();
    this.signingIn.set(true);
    this.store.signIn({ email: email.trim(), password }).subscribe({
      next: () => {
        this.signingIn.set(false);
        void this.router.navigateByUrl(safeReturnUrl(this.returnUrl()) ?? DEFAULT_PAGE_AFTER_SIGN_IN);
      },
      error: (error: unknown) => {
        this.signingIn.set(false);
        this.problem.set(this.describeFailure(error));
        if (error instanceof SignInError && error.problem.status === 401) {
          // The email is more often right than the password: keep it, and start the password again.
          this.form.controls.password.reset();
          this.focus('password');
        }
      },
    });
  }

  protected errorFor(name: 'email' | 'password'): string {
    const errors = this.form.controls[name].errors;
    if (errors?.['required']) return this.language.t(name === 'email' ? 'sign-in.emailRequired' : 'sign-in.passwordRequired');
    if (errors?.['email']) return this.language.t('form.emailForm');
    return '';
  }

  private describeFailure(error: unknown): string {
    const problem = toProblem(error);
    // Without a code (a proxy's answer) the status still says which refusal it was.
    const message = problem.code
      ? this.messages.message(problem)
      : problem.status === 401
        ? this.language.t('sign-in.wrongCredentials')
        : problem.status === 429
          ? this.language.t('sign-in.throttled')
          : this.messages.message(problem);
    const retryAt = problem.status === 429 && error instanceof SignInError ? error.retryAt : undefined;
    return retryAt ? this.language.t('sign-in.retryAt', { message, time: formatTime(retryAt, this.viewerZone, this.language.words().locale) }) : message;
  }

  private focus(name: 'email' | 'password'): void {
    afterNextRender(
      { write: () => this.host.nativeElement.querySelector<HTMLInputElement>(`input[formControlName="${name}"]`)?.focus() },
      { injector: this.injector },
    );
  }
}
