import { BreakpointObserver } from '@angular/cdk/layout';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { ActivatedRoute, Params, Router, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { CAMP_STATUSES, CampListQuery, CampStatus, PAGE_SIZE_DEFAULT, PAGE_SIZE_MAX } from '@relief-ledger/domain';
import { debounceTime, distinctUntilChanged, map } from 'rxjs';

import { SessionStore } from '../../core/auth/session-store';
import { NumberPipe } from '../../core/i18n/format-pipes';
import { NARROW_LAYOUT_QUERY } from '../../core/shell/narrow-layout';
import { pagedResource } from '../../shared/api-resource/paged-resource';
import { LoadStatus } from '../../shared/load-status/load-status';
import { PagePaginator, PageRequest } from '../../shared/page-paginator/page-paginator';
import { CampsApi } from '../camps-api';
import { CampStatusChip } from '../camp-status-chip/camp-status-chip';

export const SEARCH_DEBOUNCE_MS = 300;

/**
 * Camps, searchable and filtered, one server page at a time. The search, filter and page live in
 * the URL (bound to the inputs below), so coming back from a camp, or reloading, shows the same list.
 */
@Component({
  selector: 'rl-camp-list',
  imports: [
    CampStatusChip,
    LoadStatus,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatTableModule,
    NumberPipe,
    PagePaginator,
    ReactiveFormsModule,
    RouterLink,
    TranslocoPipe,
  ],
  templateUrl: './camp-list.html',
  styleUrl: './camp-list.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CampList {
  private readonly api = inject(CampsApi);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly session = inject(SessionStore);

  /** Query parameters `?name=&status=&page=&pageSize=`; `page` is 1-based as in the API. */
  readonly name = input<string>();
  readonly status = input<string>();
  readonly page = input<string>();
  readonly pageSize = input<string>();

  protected readonly statuses = CAMP_STATUSES;
  protected readonly pageSizeOptions = [10, 20, 50, PAGE_SIZE_MAX];
  protected readonly columns = ['nameEn', 'status', 'location', 'organisation', 'population', 'households', 'capacity'];

  /** Field staff, managers and administrators see camps read-only. */
  protected readonly canWrite = computed(() => this.session.can('camps.write'));

  protected readonly query = computed<CampListQuery>(
    () => ({
      name: this.name()?.trim() || undefined,
      status: readStatus(this.status()),
      page: readPositiveWhole(this.page()) ?? 1,
      pageSize: Math.min(readPositiveWhole(this.pageSize()) ?? PAGE_SIZE_DEFAULT, PAGE_SIZE_MAX),
    }),
    { equal: (a, b) => JSON.stringify(a) === JSON.stringify(b) },
  );

  protected readonly search = new FormControl('', { nonNullable: true });
  protected readonly camps = pagedResource(this.query, (query) => this.api.listCamps(query));
  protected readonly filtered = computed(() => this.query().name !== undefined || this.query().status !== undefined);
  protected readonly narrow = toSignal(
    inject(BreakpointObserver)
      .observe(NARROW_LAYOUT_QUERY)
      .pipe(map((state) => state.matches)),
    { initialValue: false },
  );

  // The name the URL holds or is about to hold. A different name arriving from the URL came from
  // elsewhere (a link, back button) and replaces the search text; our own must not, or it would
  // overwrite letters typed while the navigation was under way.
  private urlName = '';

  constructor() {
    effect(() => {
      const name = this.name() ?? '';
      if (name !== this.urlName) {
        this.urlName = name;
        this.search.setValue(name, { emitEvent: false });
      }
    });

    this.search.valueChanges
      .pipe(
        debounceTime(SEARCH_DEBOUNCE_MS),
        map((text) => text.trim()),
        distinctUntilChanged(),
        takeUntilDestroyed(),
      )
      .subscribe((name) => {
        if (name === this.urlName) return;
        this.urlName = name;
        this.updateQuery({ name: name || null, page: null });
      });
  }

  protected filterByStatus(status: CampStatus | ''): void {
    this.updateQuery({ status: status || null, page: null });
  }

  protected changePage(request: PageRequest): void {
    this.updateQuery({ page: request.page, pageSize: request.pageSize });
  }

  protected clearFilters(): void {
    this.urlName = '';
    this.search.setValue('', { emitEvent: false });
    this.updateQuery({ name: null, status: null, page: null });
  }

  private updateQuery(change: Params): void {
    // Replace rather than push: Back should leave the list, not step through every letter typed.
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: change,
      queryParamsHandling: 'merge',
      replaceUrl: true,
    });
  }
}

function readStatus(value: string | undefined): CampStatus | undefined {
  return (CAMP_STATUSES as readonly string[]).includes(value ?? '') ? (value as CampStatus) : undefined;
}

function readPositiveWhole(value: string | undefined): number | undefined {
  const number = Number(value);
  return Number.isInteger(number) && number > 0 ? number : undefined;
}
