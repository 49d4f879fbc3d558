import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorModule, PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import { AuditEntryResponse, AuditListQuery, Page, PAGE_SIZE_DEFAULT, PAGE_SIZE_MAX, Problem } from '@relief-ledger/domain';
import { catchError, combineLatest, debounceTime, distinctUntilChanged, map, of, startWith, Subject, switchMap, tap } from 'rxjs';

import { problemMessage, toProblem } from '../../core/problems/to-problem';
import { AdminApi } from '../admin-api';

export const ENTITY_FILTER_DEBOUNCE_MS = 300;

type ListResult = { page: Page<AuditEntryResponse> } | { problem: Problem };

/** Who changed what, newest first (the API's order), optionally for one kind of record. */
@Component({
  selector: 'rl-audit-trail',
  imports: [
    DatePipe,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatPaginatorModule,
    MatProgressBarModule,
    MatTableModule,
    ReactiveFormsModule,
  ],
  templateUrl: './audit-trail.html',
  styleUrl: './audit-trail.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AuditTrail {
  private readonly api = inject(AdminApi);

  protected readonly columns = ['at', 'user', 'action', 'entity', 'changedFields'];
  protected readonly pageSizeOptions = [PAGE_SIZE_DEFAULT, 50, PAGE_SIZE_MAX];
  protected readonly entityFilter = new FormControl('', { nonNullable: true });

  protected readonly query = signal<AuditListQuery>({ page: 1, pageSize: PAGE_SIZE_DEFAULT });
  protected readonly loading = signal(false);
  protected readonly problem = signal<string | undefined>(undefined);
  protected readonly result = signal<Page<AuditEntryResponse> | undefined>(undefined);
  protected readonly entries = computed(() => this.result()?.items ?? []);

  private readonly reloads = new Subject<void>();

  constructor() {
    this.entityFilter.valueChanges
      .pipe(
        debounceTime(ENTITY_FILTER_DEBOUNCE_MS),
        map((text) => text.trim()),
        distinctUntilChanged(),
        takeUntilDestroyed(),
      )
      .subscribe((entity) => this.query.update((query) => ({ ...query, entity: entity || undefined, page: 1 })));

    combineLatest([toObservable(this.query), this.reloads.pipe(startWith(undefined))])
      .pipe(
        tap(() => {
          this.loading.set(true);
          this.problem.set(undefined);
        }),
        switchMap(([query]) =>
          this.api.listAudit(query).pipe(
            map((page): ListResult => ({ page })),
            catchError((error: unknown) => of<ListResult>({ problem: toProblem(error) })),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((result) => {
        this.loading.set(false);
        if ('page' in result) this.result.set(result.page);
        else this.problem.set(problemMessage(result.problem));
      });
  }

  protected reloadEntries(): void {
    this.reloads.next();
  }

  protected changePage(event: PageEvent): void {
    this.query.update((query) => ({ ...query, page: event.pageIndex + 1, pageSize: event.pageSize }));
  }
}
