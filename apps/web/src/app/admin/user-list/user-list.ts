import { BreakpointObserver } from '@angular/cdk/layout';
import { NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectChange, MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import { TranslocoPipe } from '@jsverse/transloco';
import { PAGE_SIZE_MAX, Role, ROLES, UpdateUserRequest, UserResponse } from '@relief-ledger/domain';
import { map } from 'rxjs';

import { SessionStore } from '../../core/auth/session-store';
import { NARROW_LAYOUT_QUERY } from '../../core/shell/narrow-layout';
import { LanguageService } from '../../core/i18n/language.service';
import { ProblemMessages } from '../../core/problems/problem-messages';
import { toProblem } from '../../core/problems/to-problem';
import { pagedResource } from '../../shared/api-resource/paged-resource';
import { LoadStatus } from '../../shared/load-status/load-status';
import { PagePaginator } from '../../shared/page-paginator/page-paginator';
import { AddUserForm } from '../add-user-form/add-user-form';
import { AdminApi } from '../admin-api';
import { confirmAction } from '../../shared/confirm-dialog/open-confirm-dialog';
import { ScrollRegion } from '../../shared/scroll-region/scroll-region';

const USERS_PAGE_SIZE = 50;

/**
 * The users of the administrator's organisation: add one, change a role, disable or enable. Every
 * change carries the version last read, so two admins cannot overwrite each other unseen.
 */
@Component({
  selector: 'rl-user-list',
  imports: [AddUserForm, LoadStatus, MatButtonModule, MatFormFieldModule, MatSelectModule, MatTableModule, NgTemplateOutlet, PagePaginator, ScrollRegion, TranslocoPipe],
  templateUrl: './user-list.html',
  styleUrl: './user-list.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UserList {
  private readonly api = inject(AdminApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly store = inject(SessionStore);
  private readonly language = inject(LanguageService);
  private readonly messages = inject(ProblemMessages);

  protected readonly roles = ROLES;
  protected readonly columns = ['name', 'role', 'active'];
  protected readonly pageSizeOptions = [20, USERS_PAGE_SIZE, PAGE_SIZE_MAX];

  protected readonly query = signal({ page: 1, pageSize: USERS_PAGE_SIZE });
  protected readonly users = pagedResource(this.query, (query) => this.api.listUsers(query));
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

  protected isPending(user: UserResponse): boolean {
    return this.pendingUserIds().has(user.id);
  }

  protected startAddingUser(): void {
    this.changeProblem.set(undefined);
    this.adding.set(true);
  }

  protected userAdded(user: UserResponse): void {
    this.adding.set(false);
    this.snackBar.open(this.language.t('admin.users.added', { name: user.name, role: this.language.t(`role.${user.role}`) }), undefined, { duration: 4000 });
    this.users.reload();
  }

  protected changeRole(user: UserResponse, change: MatSelectChange<Role>): void {
    const role = change.value;
    this.updateUser(user, { role }, this.language.t('admin.users.roleChanged', { name: user.name, role: this.language.t(`role.${role}`) }), () => {
      // The select already shows the new role; put it back when the change did not happen.
      change.source.value = user.role;
    });
  }

  protected confirmAndDisableUser(user: UserResponse): void {
    confirmAction(this.dialog, {
      title: this.language.t('admin.users.disableTitle', { name: user.name }),
      message: this.language.t('admin.users.disableMessage'),
      confirmLabel: this.language.t('admin.users.disable'),
      cancelLabel: this.language.t('admin.users.keepActive'),
    }).subscribe(() => this.updateUser(user, { active: false }, this.language.t('admin.users.disabled', { name: user.name })));
  }

  protected enableUser(user: UserResponse): void {
    this.updateUser(user, { active: true }, this.language.t('admin.users.enabled', { name: user.name }));
  }

  private updateUser(user: UserResponse, change: Omit<UpdateUserRequest, 'version'>, done: string, revert?: () => void): void {
    if (this.isPending(user)) return;
    this.changeProblem.set(undefined);
    this.setPending(user.id, true);
    this.api.updateUser(user.id, { version: user.version, ...change }).subscribe({
      next: (updated) => {
        this.setPending(user.id, false);
        this.users.replaceItem(updated);
        this.snackBar.open(done, undefined, { duration: 4000 });
      },
      error: (error: unknown) => {
        this.setPending(user.id, false);
        revert?.();
        const problem = toProblem(error);
        if (problem.status === 409) {
          this.changeProblem.set(this.language.t('admin.users.changedMeanwhile', { name: user.name }));
          this.users.reload();
        } else {
          this.changeProblem.set(this.messages.message(problem));
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
