import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, InjectionToken, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { OverviewResponse } from '@relief-ledger/domain';
import { catchError, filter, interval, map, merge, Observable, tap, throwError } from 'rxjs';

import { SessionStore } from '../../core/auth/session-store';
import { NumberPipe } from '../../core/i18n/format-pipes';
import { LanguageService } from '../../core/i18n/language.service';
import { LiveEvents } from '../../core/live/live-events';
import { injectNarrowLayout } from '../../core/shell/narrow-layout';
import { toBoardRow } from '../../convoys/convoy-board/board-row';
import { ConvoyStatusChip } from '../../convoys/convoy-status-chip/convoy-status-chip';
import { CoverageBadge } from '../../convoys/coverage-badge/coverage-badge';
import { NETWORK_PROBLEM_TYPE, toProblem } from '../../core/problems/to-problem';
import { apiResource } from '../../shared/api-resource/api-resource';
import { AsOfNotice } from '../../shared/field-kit/as-of-notice';
import { FieldKitStore } from '../../shared/field-kit/field-kit-store';
import { BarChart, BarChartData } from '../../shared/charts/bar-chart';
import { describeCasualties, describeWhere } from '../../shared/incident-fields/describe-incident';
import { LoadStatus } from '../../shared/load-status/load-status';
import { WindowStatusChip } from '../../shared/pause-window/window-status-chip';
import { windowClock } from '../../shared/pause-window/window-timing';
import { announceWindowEnds, windowToAnnounce } from '../../shared/pause-window/window-announcements';
import { Clock } from '../../shared/time/clock';
import { WallClockTime } from '../../shared/time/wall-clock-time';
import { describeMoment, describeWallClockShort } from '../../shared/time/zoned-time';
import { OverviewApi } from '../overview-api';
import { overviewFromFieldKit } from '../overview-offline';
import { othersByStatus, peopleReachedChart, toCampRow, toStockAlertLine } from '../overview-view';
import { ScrollRegion } from '../../shared/scroll-region/scroll-region';

/** Loaded again this often, on top of the live stream: camps, stock and people reached change without an event. */
export const OVERVIEW_REFRESH_MS = 60_000;

/**
 * Ticks when the overview should load again: every minute while the page is on screen, and when
 * it comes back on screen (a phone on 3G should not pay for a tab nobody looks at). A token, so
 * specs tick it by hand.
 */
export const OVERVIEW_REFRESH = new InjectionToken<Observable<unknown>>('OVERVIEW_REFRESH', {
  providedIn: 'root',
  factory: refreshWhileOnScreen,
});

/** The default of `OVERVIEW_REFRESH`. Call in an injection context. */
export function refreshWhileOnScreen(): Observable<unknown> {
  const document = inject(DOCUMENT);
  const visible = () => document.visibilityState !== 'hidden';
  // A listener by hand rather than rxjs' fromEvent, which would join the first download for this alone.
  const shown = new Observable<void>((subscriber) => {
    const listener = () => {
      if (visible()) subscriber.next();
    };
    document.addEventListener('visibilitychange', listener);
    return () => document.removeEventListener('visibilitychange', listener);
  });
  return merge(interval(OVERVIEW_REFRESH_MS).pipe(filter(visible)), shown);
}

/** Last week pale, this week in the app's own blue (index.html's theme colour). */
const LAST_WEEK_COLOUR = '#a8c1dc';
const THIS_WEEK_COLOUR = '#005cbb';

/**
 * The landing page for every role, answering "what needs me now?": pause windows in force with a
 * countdown to their end (on the announced clock and the viewer's), windows lately broken, the
 * organisation's convoys on the road or leaving today (overdue first), other organisations'
 * convoys as counts, incidents of the last 72 hours, camps worst first against the Sphere
 * references, stock alerts, and people reached this week against last. It follows the live
 * stream and reloads every minute; every block links to the screen that has the rest.
 */
@Component({
  selector: 'rl-overview-page',
  imports: [AsOfNotice, BarChart, ConvoyStatusChip, CoverageBadge, LoadStatus, NumberPipe, RouterLink, ScrollRegion, TranslocoPipe, WallClockTime, WindowStatusChip],
  templateUrl: './overview-page.html',
  styleUrl: './overview-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OverviewPage {
  private readonly api = inject(OverviewApi);
  private readonly clock = inject(Clock);
  private readonly language = inject(LanguageService);

  private readonly fieldKit = inject(FieldKitStore);
  private readonly sessionStore = inject(SessionStore);

  protected readonly session = this.sessionStore.session;
  protected readonly narrow = injectNarrowLayout();

  /** Set while the page shows this phone's copy of the field kit, with when it was read. */
  protected readonly offline = signal<{ asOf: string; zone: string } | undefined>(undefined);
  protected readonly overview = apiResource(signal(true), () =>
    this.api.getOverview().pipe(
      tap(() => this.offline.set(undefined)),
      catchError((error: unknown) => this.fromFieldKit(error)),
    ),
  );
  protected readonly updatedAt = computed(() => {
    const overview = this.overview.value();
    return overview ? describeWallClockShort({ instant: overview.generatedAt, zone: overview.zone }, this.language.words()) : '';
  });

  protected readonly windowsInForce = computed(() => {
    const now = this.clock.now();
    const words = this.language.words();
    return (this.overview.value()?.windows.inForce ?? []).map((window) => ({ window, clock: windowClock(window, now, words) }));
  });
  protected readonly violatedWindows = computed(() => {
    const words = this.language.words();
    return (this.overview.value()?.windows.recentlyViolated ?? []).map((window) => ({
      window,
      violatedAt: window.violatedAt ? describeMoment({ instant: window.violatedAt, zone: window.zone }, words) : '',
    }));
  });

  /** Overdue first, also when a check-in falls due while the page is open. */
  protected readonly convoys = computed(() => {
    const now = this.clock.now();
    const words = this.language.words();
    const rows = (this.overview.value()?.convoys.own ?? []).map((convoy) => toBoardRow({ convoy, now, words }));
    return rows.sort((a, b) => Number(b.checkIn?.overdue ?? false) - Number(a.checkIn?.overdue ?? false));
  });
  protected readonly otherConvoys = computed(() => othersByStatus(this.overview.value()?.convoys.othersByStatus ?? {}));

  protected readonly incidents = computed(() => {
    const overview = this.overview.value();
    const words = this.language.words();
    return (overview?.incidents ?? []).map((incident) => ({
      incident,
      when: describeMoment({ instant: incident.occurredAt, zone: overview!.zone }, words),
      where: describeWhere(incident),
      casualties: describeCasualties(incident, words),
    }));
  });

  protected readonly camps = computed(() => {
    const words = this.language.words();
    return (this.overview.value()?.camps ?? []).map((camp) => toCampRow(camp, words));
  });
  protected readonly stockAlerts = computed(() => {
    const words = this.language.words();
    return (this.overview.value()?.stockAlerts ?? []).map((alert) => toStockAlertLine(alert, words));
  });

  protected readonly reached = computed(() => {
    const overview = this.overview.value();
    return overview && !this.offline() ? peopleReachedChart(overview.peopleReached, this.language.words()) : undefined;
  });
  protected readonly reachedChart = computed<BarChartData | undefined>(() => {
    const reached = this.reached();
    if (!reached) return undefined;
    return {
      labels: reached.labels,
      series: [
        { label: this.language.t('overview.reached.lastWeek'), values: reached.lastWeek, color: LAST_WEEK_COLOUR },
        { label: this.language.t('overview.reached.thisWeek'), values: reached.thisWeek, color: THIS_WEEK_COLOUR },
      ],
    };
  });

  constructor() {
    // A screen reader hears of a window's end at a few moments, not every second of its countdown.
    announceWindowEnds(computed(() => (this.overview.value()?.windows.inForce ?? []).map(windowToAnnounce)));
    const live = inject(LiveEvents);
    merge(
      live.on('convoy.status', 'convoy.check_in', 'incident.reported', 'window.announced', 'window.violated', 'window.ended', 'window.corrected'),
      live.resumed,
      inject(OVERVIEW_REFRESH),
    )
      .pipe(takeUntilDestroyed())
      .subscribe(() => this.overview.reload());
  }

  /** No connection: what the field kit kept, for those who have one; otherwise the problem as it was. */
  private fromFieldKit(error: unknown): Observable<OverviewResponse> {
    if (toProblem(error).type !== NETWORK_PROBLEM_TYPE || !this.sessionStore.can('field.kit')) return throwError(() => error);
    return this.fieldKit.load().pipe(
      tap(({ kit }) => this.offline.set({ asOf: kit.asOf, zone: kit.zone })),
      map(({ kit }) => overviewFromFieldKit(kit)),
      catchError(() => throwError(() => error)),
    );
  }
}
