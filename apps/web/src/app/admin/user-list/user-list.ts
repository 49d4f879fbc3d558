import { BreakpointObserver } from '@angular/cdk/layout';
import { NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatPaginatorModule, PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectChange, MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import { Page, PAGE_SIZE_MAX, Problem, Role, ROLE_LABELS, ROLES, UpdateUserRequest, UserResponse } from '@relief-ledger/domain';
import { catchError, combineLatest, map, of, startWith, Subject, switchMap, tap } from 'rxjs';

import { SessionStore } from '../../core/auth/session-store';
import { NARROW_LAYOUT_QUERY } from '../../core/shell/narrow-layout';
import { problemMessage, toProblem } from '../../core/problems/to-problem';
import { AddUserForm } from '../add-user-form/add-user-form';
import { AdminApi } from '../admin-api';
import { confirmAction } from '../confirm-dialog/open-confirm-dialog';

const USERS_PAGE_SIZE = 50;

type ListResult = { page: Page<UserResponse> } | { problem: Problem };

/**
 * The users of the administrator's organisation: add one, change a role, disable or enable. Every
 * change carries the version last read, so two admins cannot overwrite each other unseen.
 */
@Component({
  selector: 'rl-user-list',
  imports: [
    AddUserForm,
    MatButtonModule,
    MatFormFieldModule,
    MatPaginatorModule,
    MatProgressBarModule,
    MatSelectModule,
    MatTableModule,
    NgTemplateOutlet,
  ],
  templateUrl: './user-list.html',
  styleUrl: './user-list.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UserList {
  private readonly api = inject(AdminApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly store = inject(SessionStore);

  protected readonly roles = ROLES;
  protected readonly roleLabels = ROLE_LABELS;
  protected readonly columns = ['name', 'role', 'active'];
  protected readonly pageSizeOptions = [20, USERS_PAGE_SIZE, PAGE_SIZE_MAX];

  protected readonly query = signal({ page: 1, pageSize: USERS_PAGE_SIZE });
  protected readonly loading = signal(false);
  protected readonly loadProblem = signal<string | undefined>(undefined);
  protected readonly result = signal<Page<UserResponse> | undefined>(undefined);
  protected readonly users = computed(() => this.result()?.items ?? []);
  /** A change that failed, in words; shown above the list until the next change. */
  protected readonly changeProblem = signal<string | undefined>(undefined);
  protected readonly pendingUserIds = signal<ReadonlySet<string>>(new Set());
  protected readonly adding = signal(false);
  protected readonly myUserId = computed(() => this.store.session()?.user.id);
  protected readonly narrow = toSignal(
    inject(BreakpointObserver)
      .observe(NARROW_LAYOUT_QUERY)
      .pipe(map((state) => state.matches)),
    { initialValue: false },
  );

  private readonly reloads = new Subject<void>();

  constructor() {
    combineLatest([toObservable(this.query), this.reloads.pipe(startWith(undefined))])
      .pipe(
        tap(() => {
          this.loading.set(true);
          this.loadProblem.set(undefined);
        }),
        switchMap(([query]) =>
          this.api.listUsers(query).pipe(
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

  protected reloadUsers(): void {
    this.reloads.next();
  }

  protected changePage(event: PageEvent): void {
    this.query.set({ page: event.pageIndex + 1, pageSize: event.pageSize });
  }

  protected isPending(user: UserResponse): boolean {
    return this.pendingUserIds().has(user.id);
  }

  protected startAddingUser(): void {
    this.changeProblem.set(undefined);
    this.adding.set(true);
  }

  protected userAdded(user: UserResponse): void {
    this.adding.set(false);
    this.snackBar.open(`${user.name} added as ${ROLE_LABELS[user.role]}`, undefined, { duration: 4000 });
    this.reloads.next();
  }

  protected changeRole(user: UserResponse, change: MatSelectChange<Role>): void {
    const role = change.value;
    this.updateUser(user, { role }, `${user.name} is now ${ROLE_LABELS[role]}`, () => {
      // The select already shows the new role; put it back when the change did not happen.
      change.source.value = user.role;
    });
  }

  protected confirmAndDisableUser(user: UserResponse): void {
    confirmAction(this.dialog, {
      title: `Disable ${user.name}?`,
      message: `Their sessions end at once, and they cannot sign in until an administrator enables them again. Their records stay.`,
      confirmLabel: 'Disable',
      cancelLabel: 'Keep active',
    }).subscribe(() => this.updateUser(user, { active: false }, `${user.name} is disabled`));
  }

  protected enableUser(user: UserResponse): void {
    this.updateUser(user, { active: true }, `${user.name} can sign in again`);
  }

  private updateUser(user: UserResponse, change: Omit<UpdateUserRequest, 'version'>, done: string, revert?: () => void): void {
    if (this.isPending(user)) return;
    this.changeProblem.set(undefined);
    this.setPending(user.id, true);
    this.api.updateUser(user.id, { version: user.version, ...change }).subscribe({
      next: (updated) => {
        this.setPending(user.id, false);
        this.result.update((page) => page && { ...page, items: page.items.map((item) => (item.id === updated.id ? updated : item)) });
        this.snackBar.open(done, undefined, { duration: 4000 });
      },
      error: (error: unknown) => {
        this.setPending(user.id, false);
        revert?.();
        const problem = toProblem(error);
        if (problem.status === 409) {
          this.changeProblem.set(`${user.name} was changed by someone else meanwhile; the list now shows the latest. Make the change again if it is still needed.`);
          this.reloads.next();
        } else {
          this.changeProblem.set(problemMessage(problem));
        }
      },
    });
  }

  private setPending(id: string, pending: boolean): void {
    this.pendingUserIds.update((ids) => {
      const next = new Set(ids);
      if (pending) next.add(id);
      else next.delete(id);
      return next;
    });
  }
}
