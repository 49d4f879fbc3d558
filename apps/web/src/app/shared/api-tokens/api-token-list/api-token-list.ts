import { Clipboard } from '@angular/cdk/clipboard';
import { BreakpointObserver } from '@angular/cdk/layout';
import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MAT_FORM_FIELD_DEFAULT_OPTIONS, MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import { TranslocoPipe } from '@jsverse/transloco';
import { ApiTokenResponse, CreatedApiTokenResponse, PAGE_SIZE_MAX } from '@relief-ledger/domain';
import { map } from 'rxjs';

import { SessionStore } from '../../../core/auth/session-store';
import { NARROW_LAYOUT_QUERY } from '../../../core/shell/narrow-layout';
import { DatePipe, DateTimePipe } from '../../../core/i18n/format-pipes';
import { LanguageService } from '../../../core/i18n/language.service';
import { ProblemMessages } from '../../../core/problems/problem-messages';
import { toProblem } from '../../../core/problems/to-problem';
import { pagedResource } from '../../api-resource/paged-resource';
import { confirmAction } from '../../confirm-dialog/open-confirm-dialog';
import { LoadStatus } from '../../load-status/load-status';
import { PagePaginator } from '../../page-paginator/page-paginator';
import { ApiTokensApi } from '../api-tokens-api';
import { ScrollRegion } from '../../../shared/scroll-region/scroll-region';

export const TOKEN_NAME_MAX_LENGTH = 100;
const TOKENS_PAGE_SIZE = 50;

/**
 * - `organisation`: every token of the organisation, on the Admin page.
 * - `own`: the signed-in user's own tokens, under their account (managers pulling reports by script).
 */
export type TokenScope = 'organisation' | 'own';

/**
 * API tokens, for tools (a KoboToolbox sync, a reporting script) that call the API. A new token
 * acts as the person who creates it, with their role, never as someone else. It is shown once,
 * here; the server keeps only its hash. Which tokens are listed is the API's decision: an
 * administrator's list is the organisation's, anyone else's their own.
 */
@Component({
  selector: 'rl-api-token-list',
  imports: [DatePipe, DateTimePipe, LoadStatus, MatButtonModule, MatFormFieldModule, MatInputModule, MatTableModule, PagePaginator, ReactiveFormsModule, ScrollRegion, TranslocoPipe],
  providers: [{ provide: MAT_FORM_FIELD_DEFAULT_OPTIONS, useValue: { subscriptSizing: 'dynamic' } }],
  templateUrl: './api-token-list.html',
  styleUrl: './api-token-list.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ApiTokenList {
  private readonly api = inject(ApiTokensApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly clipboard = inject(Clipboard);
  private readonly store = inject(SessionStore);
  private readonly language = inject(LanguageService);
  private readonly messages = inject(ProblemMessages);

  readonly scope = input<TokenScope>('organisation');
  /** Translated by the caller; "API tokens" when left out. */
  readonly heading = input<string>();

  protected readonly narrow = toSignal(
    inject(BreakpointObserver)
      .observe(NARROW_LAYOUT_QUERY)
      .pipe(map((state) => state.matches)),
    { initialValue: false },
  );
  /** On a phone the user and dates go under the name, so the Revoke button stays in view. One's own tokens all act as oneself. */
  protected readonly columns = computed(() => {
    if (this.narrow()) return ['name', 'status'];
    return this.scope() === 'own' ? ['name', 'createdAt', 'lastUsedAt', 'status'] : ['name', 'user', 'createdAt', 'lastUsedAt', 'status'];
  });
  protected readonly pageSizeOptions = [20, TOKENS_PAGE_SIZE, PAGE_SIZE_MAX];
  protected readonly nameMaxLength = TOKEN_NAME_MAX_LENGTH;

  protected readonly query = signal({ page: 1, pageSize: TOKENS_PAGE_SIZE });
  protected readonly tokens = pagedResource(this.query, (query) => this.api.listApiTokens(query));
  protected readonly actionProblem = signal<string | undefined>(undefined);
  protected readonly pendingTokenIds = signal<ReadonlySet<string>>(new Set());

  protected readonly formOpen = signal(false);
  protected readonly creating = signal(false);
  /** The token just created, with its secret: on screen until the admin dismisses it, never again after. */
  protected readonly created = signal<CreatedApiTokenResponse | undefined>(undefined);
  /** A new token acts as the admin creating it, with their role. */
  protected readonly roleLabel = computed(() => {
    const role = this.store.session()?.user.role;
    return role ? this.language.t(`role.${role}`) : '';
  });
  protected readonly form = new FormGroup({
    name: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(TOKEN_NAME_MAX_LENGTH)],
    }),
  });

  protected isPending(token: ApiTokenResponse): boolean {
    return this.pendingTokenIds().has(token.id);
  }

  protected openCreateForm(): void {
    this.actionProblem.set(undefined);
    this.form.reset({ name: '' });
    this.formOpen.set(true);
  }

  protected closeCreateForm(): void {
    this.formOpen.set(false);
  }

  protected createToken(): void {
    if (this.creating()) return;
    this.actionProblem.set(undefined);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const { name } = this.form.getRawValue();
    this.creating.set(true);
    this.api.createApiToken({ name: name.trim() }).subscribe({
      next: (token) => {
        this.creating.set(false);
        this.formOpen.set(false);
        this.created.set(token);
        this.tokens.reload();
      },
      error: (error: unknown) => {
        this.creating.set(false);
        const problem = toProblem(error);
        const reasons = (problem.errors ?? []).map((fieldError) => this.messages.unplacedReason(fieldError));
        this.actionProblem.set(this.messages.join([this.messages.message(problem), ...reasons]));
      },
    });
  }

  protected copyToken(token: string): void {
    const copied = this.clipboard.copy(token);
    this.snackBar.open(this.language.t(copied ? 'api-tokens.copiedToast' : 'api-tokens.copyFailed'), undefined, {
      duration: 4000,
    });
  }

  protected dismissCreatedToken(): void {
    this.created.set(undefined);
  }

  protected confirmAndRevokeToken(token: ApiTokenResponse): void {
    confirmAction(this.dialog, {
      title: this.language.t('api-tokens.revokeTitle', { name: token.name }),
      message: this.language.t('api-tokens.revokeMessage'),
      confirmLabel: this.language.t('api-tokens.revoke'),
      cancelLabel: this.language.t('api-tokens.keep'),
    }).subscribe(() => this.revokeToken(token));
  }

  private revokeToken(token: ApiTokenResponse): void {
    this.actionProblem.set(undefined);
    this.setPending(token.id, true);
    this.api.revokeApiToken(token.id).subscribe({
      next: (revoked) => {
        this.setPending(token.id, false);
        this.tokens.replaceItem(revoked);
        this.snackBar.open(this.language.t('api-tokens.revoked', { name: token.name }), undefined, { duration: 4000 });
      },
      error: (error: unknown) => {
        this.setPending(token.id, false);
        this.actionProblem.set(this.messages.message(toProblem(error)));
      },
    });
  }

  private setPending(id: string, pending: boolean): void {
    this.pendingTokenIds.update((ids) => {
      const next = new Set(ids);
      if (pending) next.add(id);
      else next.delete(id);
      return next;
    });
  }
}
