import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatTableModule } from '@angular/material/table';
import { TranslocoPipe } from '@jsverse/transloco';
import { AuditListQuery, PAGE_SIZE_DEFAULT, PAGE_SIZE_MAX } from '@relief-ledger/domain';
import { debounceTime, distinctUntilChanged, map } from 'rxjs';

import { DateTimePipe } from '../../core/i18n/format-pipes';
import { pagedResource } from '../../shared/api-resource/paged-resource';
import { LoadStatus } from '../../shared/load-status/load-status';
import { PagePaginator, PageRequest } from '../../shared/page-paginator/page-paginator';
import { AdminApi } from '../admin-api';

export const ENTITY_FILTER_DEBOUNCE_MS = 300;

/** Who changed what, newest first (the API's order), optionally for one kind of record. */
@Component({
  selector: 'rl-audit-trail',
  imports: [
    DateTimePipe,
    LoadStatus,
    MatFormFieldModule,
    MatInputModule,
    MatTableModule,
    PagePaginator,
    ReactiveFormsModule,
    TranslocoPipe,
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
  protected readonly entries = pagedResource(this.query, (query) => this.api.listAudit(query));

  constructor() {
    this.entityFilter.valueChanges
      .pipe(
        debounceTime(ENTITY_FILTER_DEBOUNCE_MS),
        map((text) => text.trim()),
        distinctUntilChanged(),
        takeUntilDestroyed(),
      )
      .subscribe((entity) => this.query.update((query) => ({ ...query, entity: entity || undefined, page: 1 })));
  }

  protected changePage(request: PageRequest): void {
    this.query.update((query) => ({ ...query, ...request }));
  }
}
