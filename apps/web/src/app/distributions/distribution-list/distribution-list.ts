import { BreakpointObserver } from '@angular/cdk/layout';
import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { ActivatedRoute, Params, Router, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { DEFAULT_TIME_ZONE, PAGE_SIZE_DEFAULT, PAGE_SIZE_MAX } from '@relief-ledger/domain';
import { forkJoin, map } from 'rxjs';

import { SessionStore } from '../../core/auth/session-store';
import { DateTimePipe, NumberPipe } from '../../core/i18n/format-pipes';
import { Instant } from '../../shared/time/instant';
import { LanguageService } from '../../core/i18n/language.service';
import { NARROW_LAYOUT_QUERY } from '../../core/shell/narrow-layout';
import { apiResource } from '../../shared/api-resource/api-resource';
import { pagedResource } from '../../shared/api-resource/paged-resource';
import { LoadStatus } from '../../shared/load-status/load-status';
import { localName } from '../../shared/lookups/local-name';
import { LookupsApi } from '../../shared/lookups/lookups-api';
import { PagePaginator, PageRequest } from '../../shared/page-paginator/page-paginator';
import { dayRangeToInstants, isDay } from '../../shared/time/day-range';
import { DistributionListQuery, DistributionsApi, DistributionTotal } from '../distributions-api';
import { ScrollRegion } from '../../shared/scroll-region/scroll-region';

/**
 * Distributions of the organisation, newest first, filtered by camp, item and days, a page at a
 * time, with the totals for the same filter. Filters and page live in the address.
 */
@Component({
  selector: 'rl-distribution-list',
  imports: [DateTimePipe, Instant, LoadStatus, MatButtonModule, MatFormFieldModule, MatInputModule, MatSelectModule, MatTableModule, NumberPipe, PagePaginator, RouterLink, ScrollRegion, TranslocoPipe],
  templateUrl: './distribution-list.html',
  styleUrl: './distribution-list.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DistributionList {
  private readonly api = inject(DistributionsApi);
  private readonly lookups = inject(LookupsApi);
  private readonly session = inject(SessionStore);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly language = inject(LanguageService);

  /** Query parameters `?campId=&itemId=&from=&to=&page=&pageSize=`; days as YYYY-MM-DD. */
  readonly campId = input<string>();
  readonly itemId = input<string>();
  readonly from = input<string>();
  readonly to = input<string>();
  readonly page = input<string>();
  readonly pageSize = input<string>();

  protected readonly pageSizeOptions = [10, 20, 50, PAGE_SIZE_MAX];
  protected readonly columns = ['distributedAt', 'camp', 'item', 'quantity', 'households', 'people', 'stockPoint', 'stockLeft'];
  protected readonly totalColumns = ['camp', 'item', 'quantity', 'households', 'people', 'distributions'];
  protected readonly canWrite = computed(() => this.session.can('distributions.write'));

  /** The camps, items and stock points the distributions name by id. */
  protected readonly names = apiResource(signal(true), () =>
    forkJoin({ camps: this.lookups.listCamps(), items: this.lookups.listItems(), stockPoints: this.lookups.listStockPoints() }),
  );
  /** Camps and items named in the user's language (Arabic names for Arabic), for the filters and the rows. */
  protected readonly campList = computed(() => {
    const lang = this.language.lang();
    return (this.names.value()?.camps ?? []).map((camp) => ({ id: camp.id, name: localName(camp, lang) }));
  });
  protected readonly itemList = computed(() => {
    const lang = this.language.lang();
    return (this.names.value()?.items ?? []).map((item) => ({ id: item.id, name: localName(item, lang) }));
  });
  private readonly campNames = computed(() => new Map(this.campList().map((camp) => [camp.id, camp.name])));
  private readonly itemNames = computed(() => new Map(this.itemList().map((item) => [item.id, item.name])));
  private readonly stockPointNames = computed(() => new Map((this.names.value()?.stockPoints ?? []).map((point) => [point.id, point.name])));

  protected readonly filter = computed(
    () => ({
      campId: this.campId() || undefined,
      itemId: this.itemId() || undefined,
      from: this.from() && isDay(this.from()!) ? this.from() : undefined,
      to: this.to() && isDay(this.to()!) ? this.to() : undefined,
    }),
    { equal: (a, b) => JSON.stringify(a) === JSON.stringify(b) },
  );
  protected readonly query = computed<DistributionListQuery>(
    () => {
      const { from, to, ...rest } = this.filter();
      return {
        ...rest,
        ...dayRangeToInstants({ from, to, zone: DEFAULT_TIME_ZONE }),
        page: readPositiveWhole(this.page()) ?? 1,
        pageSize: Math.min(readPositiveWhole(this.pageSize()) ?? PAGE_SIZE_DEFAULT, PAGE_SIZE_MAX),
      };
    },
    { equal: (a, b) => JSON.stringify(a) === JSON.stringify(b) },
  );
  protected readonly distributions = pagedResource(this.query, (query) => this.api.listDistributions(query));
  protected readonly totals = apiResource(
    computed(() => {
      const { from, to, ...rest } = this.filter();
      return { ...rest, ...dayRangeToInstants({ from, to, zone: DEFAULT_TIME_ZONE }) };
    }),
    (query) => this.api.listTotals(query),
  );
  protected readonly filtered = computed(() => Object.values(this.filter()).some((value) => value !== undefined));
  protected readonly narrow = toSignal(
    inject(BreakpointObserver)
      .observe(NARROW_LAYOUT_QUERY)
      .pipe(map((state) => state.matches)),
    { initialValue: false },
  );

  protected campName(id: string | null): string {
    if (id === null) return this.language.t('distributions.list.outsideCamps');
    return this.campNames().get(id) ?? '…';
  }

  /** The camp of a total, as the list names it; the API's name while the camps load. */
  protected totalCampName(total: DistributionTotal): string {
    if (total.campId === null) return this.language.t('distributions.list.outsideCamps');
    return this.campNames().get(total.campId) ?? total.campName ?? '…';
  }

  protected itemName(id: string): string {
    return this.itemNames().get(id) ?? '…';
  }

  protected stockPointName(id: string): string {
    return this.stockPointNames().get(id) ?? '…';
  }

  protected filterBy(name: 'campId' | 'itemId' | 'from' | 'to', value: string): void {
    this.updateQuery({ [name]: value || null, page: null });
  }

  protected changePage(request: PageRequest): void {
    this.updateQuery({ page: request.page, pageSize: request.pageSize });
  }

  protected clearFilters(): void {
    this.updateQuery({ campId: null, itemId: null, from: null, to: null, page: null });
  }

  protected reload(): void {
    this.distributions.reload();
    this.totals.reload();
  }

  private updateQuery(change: Params): void {
    void this.router.navigate([], { relativeTo: this.route, queryParams: change, queryParamsHandling: 'merge', replaceUrl: true });
  }
}

function readPositiveWhole(value: string | undefined): number | undefined {
  const number = Number(value);
  return Number.isInteger(number) && number > 0 ? number : undefined;
}
