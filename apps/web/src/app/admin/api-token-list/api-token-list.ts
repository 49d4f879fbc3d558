import { Clipboard } from '@angular/cdk/clipboard';
import { BreakpointObserver } from '@angular/cdk/layout';
import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable, toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MAT_FORM_FIELD_DEFAULT_OPTIONS, MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorModule, PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import { ApiTokenResponse, CreatedApiTokenResponse, Page, PAGE_SIZE_MAX, Problem, ROLE_LABELS } from '@relief-ledger/domain';
import { catchError, combineLatest, map, of, startWith, Subject, switchMap, tap } from 'rxjs';

import { SessionStore } from '../../core/auth/session-store';
import { NARROW_LAYOUT_QUERY } from '../../core/shell/narrow-layout';
import { problemMessage, toProblem } from '../../core/problems/to-problem';
import { AdminApi } from '../admin-api';
import { confirmAction } from '../confirm-dialog/open-confirm-dialog';

export const TOKEN_NAME_MAX_LENGTH = 100;
const TOKENS_PAGE_SIZE = 50;

type ListResult = { page: Page<ApiTokenResponse> } | { problem: Problem };

interface TokenUserOption {
  id: string;
  label: string;
}

/**
 * API tokens of the organisation: for tools (a KoboToolbox sync, a reporting script) that call the
 * API as one of its users. A new token is shown once, here; the server keeps only its hash.
 */
@Component({
  selector: 'rl-api-token-list',
  imports: [
    DatePipe,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatPaginatorModule,
    MatProgressBarModule,
    MatSelectModule,
    MatTableModule,
    ReactiveFormsModule,
  ],
  providers: [{ provide: MAT_FORM_FIELD_DEFAULT_OPTIONS, useValue: { subscriptSizing: 'dynamic' } }],
  templateUrl: './api-token-list.html',
  styleUrl: './api-token-list.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ApiTokenList {
  private readonly api = inject(AdminApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly clipboard = inject(Clipboard);
  private readonly store = inject(SessionStore);

  protected readonly narrow = toSignal(
    inject(BreakpointObserver)
      .observe(NARROW_LAYOUT_QUERY)
      .pipe(map((state) => state.matches)),
    { initialValue: false },
  );
  /** On a phone the user and dates go under the name, so the Revoke button stays in view. */
  protected readonly columns = computed(() =>
    this.narrow() ? ['name', 'status'] : ['name', 'user', 'createdAt', 'lastUsedAt', 'status'],
  );
  protected readonly pageSizeOptions = [20, TOKENS_PAGE_SIZE, PAGE_SIZE_MAX];
  protected readonly nameMaxLength = TOKEN_NAME_MAX_LENGTH;

  protected readonly query = signal({ page: 1, pageSize: TOKENS_PAGE_SIZE });
  protected readonly loading = signal(false);
  protected readonly loadProblem = signal<string | undefined>(undefined);
  protected readonly result = signal<Page<ApiTokenResponse> | undefined>(undefined);
  protected readonly tokens = computed(() => this.result()?.items ?? []);
  protected readonly actionProblem = signal<string | undefined>(undefined);
  protected readonly pendingTokenIds = signal<ReadonlySet<string>>(new Set());

  protected readonly formOpen = signal(false);
  protected readonly creating = signal(false);
  /** The token just created, with its secret: on screen until the admin dismisses it, never again after. */
  protected readonly created = signal<CreatedApiTokenResponse | undefined>(undefined);
  protected readonly userOptions = signal<TokenUserOption[]>([]);
  protected readonly form = new FormGroup({
    name: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(TOKEN_NAME_MAX_LENGTH)],
    }),
    userId: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
  });

  private readonly reloads = new Subject<void>();

  constructor() {
    combineLatest([toObservable(this.query), this.reloads.pipe(startWith(undefined))])
      .pipe(
        tap(() => {
          this.loading.set(true);
          this.loadProblem.set(undefined);
        }),
        switchMap(([query]) =>
          this.api.listApiTokens(query).pipe(
            map((page): ListResult => ({ page })),
            catchError((error: unknown) => of<ListResult>({ problem: toProblem(error) })),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((result) => {
        this.loading.set(false);
        if ('page' in result) this.result.set(result.page);
        else this.loadProblem.set(problemMessage(result.problem));
      });
  }

  protected reloadTokens(): void {
    this.reloads.next();
  }

  protected changePage(event: PageEvent): void {
    this.query.set({ page: event.pageIndex + 1, pageSize: event.pageSize });
  }

  protected isPending(token: ApiTokenResponse): boolean {
    return this.pendingTokenIds().has(token.id);
  }

  protected openCreateForm(): void {
    const me = this.store.session()?.user;
    this.actionProblem.set(undefined);
    this.form.reset({ name: '', userId: me?.id ?? '' });
    // Until the users arrive (or if they cannot), the token can still be made for the admin.
    this.userOptions.set(me ? [{ id: me.id, label: `${me.name} (you)` }] : []);
    this.formOpen.set(true);
    this.loadUserOptions();
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
    const { name, userId } = this.form.getRawValue();
    this.creating.set(true);
    this.api.createApiToken({ name: name.trim(), userId }).subscribe({
      next: (token) => {
        this.creating.set(false);
        this.formOpen.set(false);
        this.created.set(token);
        this.reloads.next();
      },
      error: (error: unknown) => {
        this.creating.set(false);
        const problem = toProblem(error);
        const reasons = (problem.errors ?? []).map(({ field, reason }) => `${field} ${reason}`);
        this.actionProblem.set([problemMessage(problem), ...reasons].join(' — '));
      },
    });
  }

  protected copyToken(token: string): void {
    const copied = this.clipboard.copy(token);
    this.snackBar.open(copied ? 'Token copied' : 'Could not copy: select the token and copy it by hand', undefined, {
      duration: 4000,
    });
  }

  protected dismissCreatedToken(): void {
    this.created.set(undefined);
  }

  protected confirmAndRevokeToken(token: ApiTokenResponse): void {
    confirmAction(this.dialog, {
      title: `Revoke "${token.name}"?`,
      message: 'Any tool using this token is refused from now on. A revoked token cannot be used again; create a new one if needed.',
      confirmLabel: 'Revoke',
      cancelLabel: 'Keep',
    }).subscribe(() => this.revokeToken(token));
  }

  private revokeToken(token: ApiTokenResponse): void {
    this.actionProblem.set(undefined);
    this.setPending(token.id, true);
    this.api.revokeApiToken(token.id).subscribe({
      next: (revoked) => {
        this.setPending(token.id, false);
        this.result.update((page) => page && { ...page, items: page.items.map((item) => (item.id === revoked.id ? revoked : item)) });
        this.snackBar.open(`"${token.name}" revoked`, undefined, { duration: 4000 });
      },
      error: (error: unknown) => {
        this.setPending(token.id, false);
        this.actionProblem.set(problemMessage(toProblem(error)));
      },
    });
  }

  private loadUserOptions(): void {
    const myId = this.store.session()?.user.id;
    this.api.listUsers({ pageSize: PAGE_SIZE_MAX }).subscribe({
      next: (page) => {
        const options = page.items
          .filter((user) => user.active)
          .map((user) => ({
            id: user.id,
            label: `${user.name}${user.id === myId ? ' (you)' : ''} · ${ROLE_LABELS[user.role]}`,
          }));
        if (options.length > 0) this.userOptions.set(options);
      },
      // The admin can still make a token for themselves; say why no one else is offered.
      error: (error: unknown) => this.actionProblem.set(`Users: ${problemMessage(toProblem(error))}`),
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
