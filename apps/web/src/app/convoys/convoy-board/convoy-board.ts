import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import {
  CONVOY_STATUSES,
  ConvoyEventResponse,
  ConvoyListQuery,
  ConvoyStatusPeriod,
  ConvoyStatusResponse,
  DEFAULT_TIME_ZONE,
  LiveEvent,
} from '@relief-ledger/domain';

import { SessionStore } from '../../core/auth/session-store';
import { LanguageService } from '../../core/i18n/language.service';
import { LiveEvents } from '../../core/live/live-events';
import { injectNarrowLayout } from '../../core/shell/narrow-layout';
import { apiResource } from '../../shared/api-resource/api-resource';
import { pagedResource } from '../../shared/api-resource/paged-resource';
import { injectQueryUpdater, readChoice, readPage } from '../../shared/list-query/list-query';
import { LoadStatus } from '../../shared/load-status/load-status';
import { PagePaginator, PageRequest } from '../../shared/page-paginator/page-paginator';
import { filterOptions, SelectFilter } from '../../shared/select-filter/select-filter';
import { Clock } from '../../shared/time/clock';
import { describeInstant } from '../../shared/time/zoned-time';
import { ConvoyStatusChip } from '../convoy-status-chip/convoy-status-chip';
import { ConvoysApi } from '../convoys-api';
import { CoverageBadge } from '../coverage-badge/coverage-badge';
import { toBoardRow } from './board-row';
import { ScrollRegion } from '../../shared/scroll-region/scroll-region';

type ConvoyLiveEvent = Extract<LiveEvent, { type: 'convoy.status' | 'convoy.check_in' }>;

/**
 * The convoy board: the organisation's convoys with their status, next check-in and cover by a
 * pause window, counting down by the second and following the live stream without a reload;
 * below, the other organisations' convoys, status only. The status filter and page live in the address.
 */
@Component({
  selector: 'rl-convoy-board',
  imports: [ConvoyStatusChip, CoverageBadge, LoadStatus, MatButtonModule, PagePaginator, RouterLink, ScrollRegion, SelectFilter, TranslocoPipe],
  templateUrl: './convoy-board.html',
  styleUrl: './convoy-board.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ConvoyBoard {
  private readonly language = inject(LanguageService);
  private readonly api = inject(ConvoysApi);
  private readonly store = inject(SessionStore);
  private readonly clock = inject(Clock);
  private readonly updateQuery = injectQueryUpdater();

  /** Query parameters `?status=&page=&pageSize=`. */
  readonly status = input<string>();
  readonly page = input<string>();
  readonly pageSize = input<string>();

  protected readonly statusOptions = computed(() => filterOptions(CONVOY_STATUSES, (status) => this.language.t(`status.convoy.${status}`)));
  protected readonly session = this.store.session;
  protected readonly canPlan = computed(() => this.store.can('convoys.write'));
  protected readonly narrow = injectNarrowLayout();

  protected readonly query = computed<ConvoyListQuery>(
    () => ({ status: readChoice(this.status(), CONVOY_STATUSES), ...readPage({ page: this.page(), pageSize: this.pageSize() }) }),
    { equal: (a, b) => JSON.stringify(a) === JSON.stringify(b) },
  );
  protected readonly convoys = pagedResource(this.query, (query) => this.api.listConvoys(query));
  /** Besides those planned or on the road: others' convoys ended lately, or every ended one to look back (a convoy struck in 2019). */
  protected readonly othersEnded = signal<ConvoyStatusPeriod>('recent');
  protected readonly statusesOfAll = apiResource(this.othersEnded, (ended) => this.api.listStatuses(ended === 'all' ? { ended } : {}));
  protected readonly others = computed(() => {
    const own = this.store.session()?.organisation.id;
    const words = this.language.words();
    const now = this.today();
    // The time of the status itself, with its date: "struck since 16:30 Damascus, Mon, 23 Dec 2019".
    return (this.statusesOfAll.value() ?? [])
      .filter((convoy) => convoy.organisationId !== own)
      .map((convoy) => ({ convoy, since: describeInstant({ instant: convoy.updatedAt, zone: DEFAULT_TIME_ZONE, now }, words) }));
  });
  // "Today" needs the minute at most; the clock ticks every second.
  private readonly minute = computed(() => Math.floor(this.clock.now().getTime() / 60_000));
  private readonly today = computed(() => new Date(this.minute() * 60_000));

  /** The newest report the live stream brought per convoy: it says where a check-in was made. */
  private readonly lastReports = signal<ReadonlyMap<string, ConvoyEventResponse>>(new Map());
  protected readonly rows = computed(() => {
    const now = this.clock.now();
    const reports = this.lastReports();
    const words = this.language.words();
    return this.convoys.items().map((convoy) => toBoardRow({ convoy, now, lastReport: reports.get(convoy.id), words }));
  });

  constructor() {
    const live = inject(LiveEvents);
    live
      .on('convoy.status', 'convoy.check_in')
      .pipe(takeUntilDestroyed())
      .subscribe((event) => this.followConvoy(event));
    // A window announced, broken, ended early or corrected changes which trips are covered.
    live
      .on('window.announced', 'window.violated', 'window.ended', 'window.corrected')
      .pipe(takeUntilDestroyed())
      .subscribe(() => this.convoys.reload());
    live.resumed.pipe(takeUntilDestroyed()).subscribe(() => {
      this.convoys.reload();
      this.statusesOfAll.reload();
    });
  }

  protected filterByStatus(status: string): void {
    this.updateQuery({ status: status || null, page: null });
  }

  protected showEndedOthers(ended: ConvoyStatusPeriod): void {
    this.othersEnded.set(ended);
  }

  protected changePage(request: PageRequest): void {
    this.updateQuery({ page: request.page, pageSize: request.pageSize });
  }

  private followConvoy(event: ConvoyLiveEvent): void {
    if (event.organisationId !== this.store.session()?.organisation.id) {
      this.followOtherConvoy(event);
      return;
    }
    const report = event.event;
    if (report?.kind === 'check_in') this.lastReports.update((reports) => new Map(reports).set(event.convoyId, report));
    // The API works out the next check-in, the flag and the cover: ask it rather than guess here.
    this.convoys.reload();
  }

  private followOtherConvoy(event: ConvoyLiveEvent): void {
    const known = this.statusesOfAll.value()?.some((convoy) => convoy.id === event.convoyId);
    if (!known) {
      this.statusesOfAll.reload();
      return;
    }
    const changed = (convoy: ConvoyStatusResponse): ConvoyStatusResponse =>
      convoy.id === event.convoyId ? { ...convoy, status: event.status, updatedAt: this.clock.now().toISOString() } : convoy;
    this.statusesOfAll.value.update((convoys) => convoys?.map(changed));
  }
}
