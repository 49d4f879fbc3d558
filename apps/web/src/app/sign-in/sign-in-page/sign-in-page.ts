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

type SignInField = 'email' | 'password';

/** The shape Angular's `Validators.email` accepts, so this form refuses what the others refuse. */
const EMAIL_PATTERN =
  /^(?=.{1,254}$)(?=.{1,64}@)[a-zA-Z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-zA-Z0-9!#$%&'*+/=?^_`{|}~-]+)*@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;

/**
 * Email and password, then on to the page the user was headed for. Plain inputs and signals rather than
 * Angular forms and Material fields: this is the first page on a field network, and those modules
 * would add about 40 KB before anyone can sign in (see bench/README.md, issue 13).
 */
@Component({
  selector: 'rl-sign-in-page',
  imports: [LanguageSwitch, TranslocoPipe],
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

  protected readonly email = signal('');
  protected readonly password = signal('');
  /** A field shows its error once left or once the form was sent, as Material's fields do. */
  private readonly touched = signal<ReadonlySet<SignInField>>(new Set());
  protected readonly signingIn = signal(false);
  protected readonly problem = signal<string | undefined>(undefined);
  protected readonly passwordShown = signal(false);

  protected togglePasswordShown(): void {
    this.passwordShown.update((shown) => !shown);
  }

  protected touch(name: SignInField): void {
    if (!this.touched().has(name)) this.touched.update((touched) => new Set([...touched, name]));
  }

  protected signIn(event?: Event): void {
    // The browser would otherwise send the form itself and reload the page.
    event?.preventDefault();
    if (this.signingIn()) return;
    this.problem.set(undefined);
    const emailInvalid = this.invalidReason('email') !== undefined;
    if (emailInvalid || this.invalidReason('password') !== undefined) {
      this.touched.set(new Set(['email', 'password']));
      this.focus(emailInvalid ? 'email' : 'password');
      return;
    }
    const email = this.email();
    const password = this.password();
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
          this.password.set('');
          this.focus('password');
        }
      },
    });
  }

  protected errorFor(name: SignInField): string {
    if (!this.touched().has(name)) return '';
    const reason = this.invalidReason(name);
    if (reason === 'required') return this.language.t(name === 'email' ? 'sign-in.emailRequired' : 'sign-in.passwordRequired');
    if (reason === 'email') return this.language.t('form.emailForm');
    return '';
  }

  private invalidReason(name: SignInField): 'required' | 'email' | undefined {
    const value = name === 'email' ? this.email().trim() : this.password();
    if (value === '') return 'required';
    if (name === 'email' && !EMAIL_PATTERN.test(value)) return 'email';
    return undefined;
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

  private focus(name: SignInField): void {
    afterNextRender(
      { write: () => this.host.nativeElement.querySelector<HTMLInputElement>(`input[name="${name}"]`)?.focus() },
      { injector: this.injector },
    );
  }
}
