import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Title } from '@angular/platform-browser';
import { RouterLink } from '@angular/router';
import { CONVOY_STATUS_LABELS, ConvoyDetailResponse, ConvoyEventResponse, ConvoyStatus } from '@relief-ledger/domain';
import { filter, merge } from 'rxjs';

import { SessionStore } from '../../core/auth/session-store';
import { LiveEvents } from '../../core/live/live-events';
import { apiResource } from '../../shared/api-resource/api-resource';
import { LoadStatus } from '../../shared/load-status/load-status';
import { describeQuantity } from '../../shared/lookups/describe-quantity';
import { WindowStatusChip } from '../../shared/pause-window/window-status-chip';
import { windowClock } from '../../shared/pause-window/window-timing';
import { Clock } from '../../shared/time/clock';
import { describeDay, describeWallClockShort } from '../../shared/time/zoned-time';
import { WallClockTime } from '../../shared/time/wall-clock-time';
import { CheckInForm } from '../check-in-form/check-in-form';
import { ConvoyStatusChip } from '../convoy-status-chip/convoy-status-chip';
import { checkInDue, coverCountdown } from '../convoy-timing';
import { ConvoysApi } from '../convoys-api';
import { CoverageBadge } from '../coverage-badge/coverage-badge';
import { CARGO_STATE_LABELS } from '../next-statuses';
import { StatusActions } from '../status-actions/status-actions';
import { describeVehicle } from '../vehicles';
import { LanguageService } from '../../core/i18n/language.service';

export const CONVOY_NOT_FOUND_MESSAGE = 'This convoy does not exist, or belongs to another organisation.';

/**
 * One convoy: status and cover, the go/no-go checklist before departure, the pause windows on its
 * route in the route's own time and the viewer's, its cargo and timeline; for those who report
 * from the road, the check-in and the status buttons. Follows the live stream.
 */
@Component({
  selector: 'rl-convoy-page',
  imports: [CheckInForm, ConvoyStatusChip, CoverageBadge, LoadStatus, RouterLink, StatusActions, WallClockTime, WindowStatusChip],
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

  protected readonly notFoundMessage = CONVOY_NOT_FOUND_MESSAGE;
  protected readonly canReport = computed(() => this.session.can('convoys.report'));
  protected readonly convoy = apiResource(
    computed(() => this.id() || undefined),
    (id) => this.api.getConvoy(id),
    { onLoaded: (convoy) => this.title.setTitle(`${convoy.name} · Relief Ledger`) },
  );

  protected readonly zone = computed(() => this.convoy.value()?.route.timeZone ?? 'UTC');
  protected readonly vehicles = computed(() => (this.convoy.value()?.vehicles ?? []).map(describeVehicle));
  protected readonly stops = computed(() => (this.convoy.value()?.route.stops ?? []).map((stop) => stop.nameEn).join(' → '));
  protected readonly checkIn = computed(() => {
    const convoy = this.convoy.value();
    return convoy && checkInDue(convoy, this.clock.now(), this.language.words());
  });
  protected readonly cover = computed(() => coverCountdown(this.convoy.value()?.coverage ?? null, this.clock.now(), this.language.words()));
  protected readonly windows = computed(() => {
    const now = this.clock.now();
    return (this.convoy.value()?.windows ?? []).map((window) => ({ window, clock: windowClock(window, now, this.language.words()) }));
  });
  protected readonly cargo = computed(() =>
    (this.convoy.value()?.cargo ?? []).map((line) => ({
      line,
      what: describeQuantity({ quantity: line.quantity, item: { nameEn: line.itemName, unit: line.unit } }, this.language.words()),
      state: CARGO_STATE_LABELS[line.state],
    })),
  );
  protected readonly timeline = computed(() => {
    const zone = this.zone();
    return (this.convoy.value()?.events ?? []).map((event) => ({
      event,
      what: describeEvent(event),
      when: `${describeWallClockShort({ instant: event.occurredAt, zone }, this.language.words())}, ${describeDay({ instant: event.occurredAt, zone }, this.language.words())}`,
      where: event.place ?? event.locationName,
    }));
  });

  constructor() {
    const live = inject(LiveEvents);
    merge(
      live.on('convoy.status', 'convoy.check_in').pipe(filter((event) => event.convoyId === this.id())),
      // A window announced or broken on the way changes the cover and the checklist.
      live.on('window.announced', 'window.violated'),
      live.resumed,
    )
      .pipe(takeUntilDestroyed())
      .subscribe(() => this.convoy.reload());
  }

  protected local(instant: string): string {
    return describeWallClockShort({ instant, zone: this.zone() }, this.language.words());
  }

  protected showChangedConvoy(convoy: ConvoyDetailResponse): void {
    this.convoy.value.set(convoy);
    this.snackBar.open(`Status: ${CONVOY_STATUS_LABELS[convoy.status]}`, undefined, { duration: 3000 });
  }
}

function describeEvent(event: ConvoyEventResponse): string {
  if (event.kind === 'check_in') return 'Checked in';
  const label = (status: ConvoyStatus | null) => (status ? CONVOY_STATUS_LABELS[status] : '?');
  return event.fromStatus ? `${label(event.fromStatus)} → ${label(event.toStatus)}` : label(event.toStatus);
}
