import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { DEFAULT_TIME_ZONE } from '@relief-ledger/domain';

import { LanguageService } from '../../core/i18n/language.service';
import { Clock } from './clock';
import { describeInstant, describeViewerTime, VIEWER_TIME_ZONE } from './zoned-time';

const MINUTE = 60_000;

/**
 * An instant as the house shows it (README, "Times and dates"): "16:30 Damascus, Mon, 23 Dec 2019",
 * or "16:30 Damascus today", then the viewer's own time where their clock differs. Isolated, so its
 * digits keep their order inside right-to-left text.
 */
@Component({
  selector: 'rl-instant',
  template: `
    <bdi><time [attr.datetime]="instant()">{{ site() }}</time></bdi>
    @if (own(); as own) {
      <span class="own"> · <bdi>{{ own }}</bdi></span>
    }
  `,
  styles: `
    .own {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Instant {
  private readonly language = inject(LanguageService);
  private readonly clock = inject(Clock);
  private readonly viewerZone = inject(VIEWER_TIME_ZONE);

  readonly instant = input.required<string>();
  /** The site's zone: the route's or the window's where the record has one. */
  readonly zone = input<string>(DEFAULT_TIME_ZONE);

  // "Today" needs the minute at most: a clock ticking every second must not redraw every row of a list.
  private readonly minute = computed(() => Math.floor(this.clock.now().getTime() / MINUTE));

  protected readonly site = computed(() =>
    describeInstant({ instant: this.instant(), zone: this.zone(), now: new Date(this.minute() * MINUTE) }, this.language.words()),
  );
  protected readonly own = computed(() => describeViewerTime({ instant: this.instant(), zone: this.zone(), viewerZone: this.viewerZone }, this.language.words()));
}
