import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Title } from '@angular/platform-browser';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { ConvoyDetailResponse, ConvoyEventResponse, ConvoyStatus } from '@relief-ledger/domain';
import { filter, merge } from 'rxjs';

import { SessionStore } from '../../core/auth/session-store';
import { NumberPipe } from '../../core/i18n/format-pipes';
import { LanguageService } from '../../core/i18n/language.service';
import { LocalWords } from '../../core/i18n/local-words';
import { LiveEvents } from '../../core/live/live-events';
import { apiResource } from '../../shared/api-resource/api-resource';
import { LoadStatus } from '../../shared/load-status/load-status';
import { describeQuantity } from '../../shared/lookups/describe-quantity';
import { WindowStatusChip } from '../../shared/pause-window/window-status-chip';
import { windowClock } from '../../shared/pause-window/window-timing';
import { Clock } from '../../shared/time/clock';
import { describeInstant, describeMoment, describeWallClockShort } from '../../shared/time/zoned-time';
import { WallClockTime } from '../../shared/time/wall-clock-time';
import { CheckInForm } from '../check-in-form/check-in-form';
import { ConvoyStatusChip } from '../convoy-status-chip/convoy-status-chip';
import { checkInDue, coverCountdown } from '../convoy-timing';
import { ConvoysApi } from '../convoys-api';
import { CoverageBadge } from '../coverage-badge/coverage-badge';
import { describeGoNoGoReason } from '../go-no-go';
import { CARGO_STATE_KEYS } from '../next-statuses';
import { StatusActions } from '../status-actions/status-actions';
import { ScrollRegion } from '../../shared/scroll-region/scroll-region';

/**
 * One convoy: status and cover, the go/no-go checklist before departure, the pause windows on its
 * route in the route's own time and the viewer's, its cargo and timeline; for those who report
 * from the road, the check-in and the status buttons. Follows the live stream.
 */
@Component({
  selector: 'rl-convoy-page',
  imports: [CheckInForm, ConvoyStatusChip, CoverageBadge, LoadStatus, NumberPipe, RouterLink, ScrollRegion, StatusActions, TranslocoPipe, WallClockTime, WindowStatusChip],
  templateUrl: './convoy-page.html',
  styleUrl: './convoy-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ConvoyPage {
  private readonly language = inject(LanguageService);
  private readonly api = inject(ConvoysApi);
  private readonly session = inject(SessionStore);
  private readonly clock = inject(Clock);
  private readonly title = inject(Title);
  private readonly snackBar = inject(MatSnackBar);

  /** Route parameter `:id`. */
  readonly id = input.required<string>();

  protected readonly canReport = computed(() => this.session.can('convoys.report'));
  protected readonly convoy = apiResource(
    computed(() => this.id() || undefined),
    (id) => this.api.getConvoy(id),
    { onLoaded: (convoy) => this.title.setTitle(`${convoy.name} · ${this.language.t('app.name')}`) },
  );

  protected readonly zone = computed(() => this.convoy.value()?.route.timeZone ?? 'UTC');
  protected readonly vehicles = computed(() => this.convoy.value()?.vehicles ?? []);
  protected readonly stops = computed(() => (this.convoy.value()?.route.stops ?? []).map((stop) => stop.nameEn).join(' → '));
  protected readonly checkIn = computed(() => {
    const convoy = this.convoy.value();
    return convoy && checkInDue(convoy, this.clock.now(), this.language.words());
  });
  protected readonly cover = computed(() => coverCountdown(this.convoy.value()?.coverage ?? null, this.clock.now(), this.language.words()));
  /** The go/no-go checklist's reasons, said from their codes in the user's language. */
  protected readonly goNoGoReasons = computed(() => {
    const words = this.language.words();
    return (this.convoy.value()?.goNoGo?.reasons ?? []).map((reason) => describeGoNoGoReason(reason, this.zone(), words));
  });
  protected readonly windows = computed(() => {
    const now = this.clock.now();
    const words = this.language.words();
    return (this.convoy.value()?.windows ?? []).map((window) => ({ window, clock: windowClock(window, now, words) }));
  });
  protected readonly cargo = computed(() => {
    const words = this.language.words();
    return (this.convoy.value()?.cargo ?? []).map((line) => ({
      line,
      what: describeQuantity({ quantity: line.quantity, item: { nameEn: line.itemName, unit: line.unit } }, words),
      state: CARGO_STATE_KEYS[line.state],
    }));
  });
  protected readonly timeline = computed(() => {
    const zone = this.zone();
    const words = this.language.words();
    return (this.convoy.value()?.events ?? []).map((event) => ({
      event,
      what: describeEvent(event, words),
      when: describeMoment({ instant: event.occurredAt, zone }, words),
      where: event.place ?? event.locationName,
    }));
  });

  constructor() {
    const live = inject(LiveEvents);
    merge(
      live.on('convoy.status', 'convoy.check_in').pipe(filter((event) => event.convoyId === this.id())),
      // A window announced, broken, ended early or corrected on the way changes the cover and the checklist.
      live.on('window.announced', 'window.violated', 'window.ended', 'window.corrected'),
      live.resumed,
    )
      .pipe(takeUntilDestroyed())
      .subscribe(() => this.convoy.reload());
  }

  protected local(instant: string): string {
    return describeWallClockShort({ instant, zone: this.zone() }, this.language.words());
  }

  /** A moment that may be days old (the last check-in, a window's violation): with its date unless today. */
  protected dated(instant: string): string {
    return describeInstant({ instant, zone: this.zone(), now: this.clock.now() }, this.language.words());
  }

  protected showChangedConvoy(convoy: ConvoyDetailResponse): void {
    this.convoy.value.set(convoy);
    this.snackBar.open(this.language.t('convoys.page.statusChanged', { status: this.language.t(`status.convoy.${convoy.status}`) }), undefined, {
      duration: 3000,
    });
  }
}

/** What an event of the timeline recorded: "Checked in", "Planned → On the road", in the user's language. */
export function describeEvent(event: Pick<ConvoyEventResponse, 'kind' | 'fromStatus' | 'toStatus'>, words: LocalWords): string {
  if (event.kind === 'check_in') return words.t('convoys.page.checkedIn');
  const label = (status: ConvoyStatus | null) => (status ? words.t(`status.convoy.${status}`) : '?');
  return event.fromStatus ? words.t('convoys.page.statusChange', { from: label(event.fromStatus), to: label(event.toStatus) }) : label(event.toStatus);
}
