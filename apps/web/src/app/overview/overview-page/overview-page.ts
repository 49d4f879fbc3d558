import { DecimalPipe, DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, InjectionToken, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { INCIDENT_KIND_LABELS } from '@relief-ledger/domain';
import { filter, interval, merge, Observable } from 'rxjs';

import { SessionStore } from '../../core/auth/session-store';
import { LiveEvents } from '../../core/live/live-events';
import { injectNarrowLayout } from '../../core/shell/narrow-layout';
import { toBoardRow } from '../../convoys/convoy-board/board-row';
import { ConvoyStatusChip } from '../../convoys/convoy-status-chip/convoy-status-chip';
import { CoverageBadge } from '../../convoys/coverage-badge/coverage-badge';
import { describeCasualties, describeWhere } from '../../incidents/incident-list/incident-list';
import { apiResource } from '../../shared/api-resource/api-resource';
import { BarChart, BarChartData } from '../../shared/charts/bar-chart';
import { LoadStatus } from '../../shared/load-status/load-status';
import { WindowStatusChip } from '../../shared/pause-window/window-status-chip';
import { windowClock } from '../../shared/pause-window/window-timing';
import { Clock } from '../../shared/time/clock';
import { WallClockTime } from '../../shared/time/wall-clock-time';
import { describeDay, describeWallClockShort } from '../../shared/time/zoned-time';
import { OverviewApi } from '../overview-api';
import { othersByStatus, peopleReachedChart, toCampRow, toStockAlertLine } from '../overview-view';

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
  imports: [BarChart, ConvoyStatusChip, CoverageBadge, DecimalPipe, LoadStatus, RouterLink, WallClockTime, WindowStatusChip],
  templateUrl: './overview-page.html',
  styleUrl: './overview-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OverviewPage {
  private readonly api = inject(OverviewApi);
  private readonly clock = inject(Clock);

  protected readonly session = inject(SessionStore).session;
  protected readonly narrow = injectNarrowLayout();
  protected readonly kindLabels = INCIDENT_KIND_LABELS;

  protected readonly overview = apiResource(signal(true), () => this.api.getOverview());
  protected readonly updatedAt = computed(() => {
    const overview = this.overview.value();
    return overview ? describeWallClockShort({ instant: overview.generatedAt, zone: overview.zone }) : '';
  });

  protected readonly windowsInForce = computed(() => {
    const now = this.clock.now();
    return (this.overview.value()?.windows.inForce ?? []).map((window) => ({ window, clock: windowClock(window, now) }));
  });
  protected readonly violatedWindows = computed(() =>
    (this.overview.value()?.windows.recentlyViolated ?? []).map((window) => ({
      window,
      violatedAt: window.violatedAt ? at(window.violatedAt, window.zone) : '',
    })),
  );

  /** Overdue first, also when a check-in falls due while the page is open. */
  protected readonly convoys = computed(() => {
    const now = this.clock.now();
    const rows = (this.overview.value()?.convoys.own ?? []).map((convoy) => toBoardRow({ convoy, now }));
    return rows.sort((a, b) => Number(b.checkIn?.overdue ?? false) - Number(a.checkIn?.overdue ?? false));
  });
  protected readonly otherConvoys = computed(() => othersByStatus(this.overview.value()?.convoys.othersByStatus ?? {}));

  protected readonly incidents = computed(() => {
    const overview = this.overview.value();
    return (overview?.incidents ?? []).map((incident) => ({
      incident,
      when: at(incident.occurredAt, overview!.zone),
      where: describeWhere(incident),
      casualties: describeCasualties(incident),
    }));
  });

  protected readonly camps = computed(() => (this.overview.value()?.camps ?? []).map(toCampRow));
  protected readonly stockAlerts = computed(() => (this.overview.value()?.stockAlerts ?? []).map(toStockAlertLine));

  protected readonly reached = computed(() => {
    const overview = this.overview.value();
    return overview ? peopleReachedChart(overview.peopleReached) : undefined;
  });
  protected readonly reachedChart = computed<BarChartData | undefined>(() => {
    const reached = this.reached();
    if (!reached) return undefined;
    return {
      labels: reached.labels,
      series: [
        { label: 'Last week', values: reached.lastWeek, color: LAST_WEEK_COLOUR },
        { label: 'This week', values: reached.thisWeek, color: THIS_WEEK_COLOUR },
      ],
    };
  });

  constructor() {
    const live = inject(LiveEvents);
    merge(
      live.on('convoy.status', 'convoy.check_in', 'incident.reported', 'window.announced', 'window.violated'),
      live.resumed,
      inject(OVERVIEW_REFRESH),
    )
      .pipe(takeUntilDestroyed())
      .subscribe(() => this.overview.reload());
  }
}

/** "16:30 Damascus, Mon, 23 Dec 2019": a past moment always carries its date. */
function at(instant: string, zone: string): string {
  return `${describeWallClockShort({ instant, zone })}, ${describeDay({ instant, zone })}`;
}
