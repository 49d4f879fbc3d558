import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { PAUSE_WINDOW_STATUSES, PauseWindowListQuery } from '@relief-ledger/domain';
import { merge } from 'rxjs';

import { SessionStore } from '../../core/auth/session-store';
import { LanguageService } from '../../core/i18n/language.service';
import { LiveEvents } from '../../core/live/live-events';
import { apiResource } from '../../shared/api-resource/api-resource';
import { pagedResource } from '../../shared/api-resource/paged-resource';
import { injectQueryUpdater, readChoice, readPage } from '../../shared/list-query/list-query';
import { LoadStatus } from '../../shared/load-status/load-status';
import { LookupsApi } from '../../shared/lookups/lookups-api';
import { PagePaginator, PageRequest } from '../../shared/page-paginator/page-paginator';
import { filterOptions, routeFilterOptions, SelectFilter } from '../../shared/select-filter/select-filter';
import { WindowStatusChip } from '../../shared/pause-window/window-status-chip';
import { windowClock } from '../../shared/pause-window/window-timing';
import { announceWindowEnds, windowToAnnounce } from '../../shared/pause-window/window-announcements';
import { Clock } from '../../shared/time/clock';
import { describeInstant } from '../../shared/time/zoned-time';
import { WallClockTime } from '../../shared/time/wall-clock-time';
import { PauseWindowsApi } from '../pause-windows-api';

/**
 * Every organisation's pause windows: in force first, counting down to their end on the wall clock
 * they were announced in and on the viewer's, then upcoming, then the rest. Follows the live stream.
 */
@Component({
  selector: 'rl-pause-window-list',
  imports: [LoadStatus, MatButtonModule, PagePaginator, RouterLink, SelectFilter, TranslocoPipe, WallClockTime, WindowStatusChip],
  templateUrl: './pause-window-list.html',
  styleUrl: './pause-window-list.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PauseWindowList {
  private readonly language = inject(LanguageService);
  private readonly api = inject(PauseWindowsApi);
  private readonly lookups = inject(LookupsApi);
  private readonly session = inject(SessionStore);
  private readonly clock = inject(Clock);
  private readonly updateQuery = injectQueryUpdater();

  /** Query parameters `?status=&routeId=&page=&pageSize=`. */
  readonly status = input<string>();
  readonly routeId = input<string>();
  readonly page = input<string>();
  readonly pageSize = input<string>();

  protected readonly statusOptions = computed(() => filterOptions(PAUSE_WINDOW_STATUSES, (status) => this.language.t(`status.window.${status}`)));
  protected readonly canAnnounce = computed(() => this.session.can('windows.write'));

  protected readonly routes = apiResource(signal(true), () => this.lookups.listRoutes());
  protected readonly routeOptions = computed(() => routeFilterOptions(this.routes.value()));
  protected readonly query = computed<PauseWindowListQuery>(
    () => ({
      status: readChoice(this.status(), PAUSE_WINDOW_STATUSES),
      routeId: this.routeId() || undefined,
      ...readPage({ page: this.page(), pageSize: this.pageSize() }),
    }),
    { equal: (a, b) => JSON.stringify(a) === JSON.stringify(b) },
  );
  protected readonly windows = pagedResource(this.query, (query) => this.api.listWindows(query));
  protected readonly cards = computed(() => {
    const now = this.clock.now();
    const words = this.language.words();
    return this.windows.items().map((window) => ({
      window,
      clock: windowClock(window, now, words),
      // A past moment carries its date unless it is today on the site's calendar (README, "Times and dates").
      violatedAt: window.violatedAt ? describeInstant({ instant: window.violatedAt, zone: window.zone, now }, words) : undefined,
    }));
  });
  /** Between the routes, and the areas, of a window: a semicolon, the Arabic one in Arabic (strong, so names in Latin stay in order around it). */
  protected readonly separator = computed(() => this.language.t('pause-windows.list.separator'));
  protected readonly filtered = computed(() => this.query().status !== undefined || this.query().routeId !== undefined);

  constructor() {
    // A screen reader hears of a window's end at a few moments, not every second of its countdown.
    announceWindowEnds(computed(() => this.windows.items().filter((window) => window.status !== 'violated').map(windowToAnnounce)));
    const live = inject(LiveEvents);
    merge(live.on('window.announced', 'window.violated', 'window.ended', 'window.corrected'), live.resumed)
      .pipe(takeUntilDestroyed())
      .subscribe(() => this.windows.reload());
  }

  protected filterBy(name: 'status' | 'routeId', value: string): void {
    this.updateQuery({ [name]: value || null, page: null });
  }

  protected changePage(request: PageRequest): void {
    this.updateQuery({ page: request.page, pageSize: request.pageSize });
  }

  protected clearFilters(): void {
    this.updateQuery({ status: null, routeId: null, page: null });
  }
}
