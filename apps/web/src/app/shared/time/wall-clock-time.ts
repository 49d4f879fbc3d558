import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';

import { LanguageService } from '../../core/i18n/language.service';
import { describeDay, describeWallClock, sameWallClock, VIEWER_TIME_ZONE } from './zoned-time';

/**
 * An instant as it was announced, on the wall clock of `zone` ("18:00 Damascus (UTC+02:00), Mon, 23
 * Dec 2019"), followed by the viewer's own time when their clock reads otherwise: a coordinator in
 * Gaziantep or Geneva must not have to work out the offset in their head. In the user's language;
 * isolated, so that its digits and "UTC+02:00" keep their order inside right-to-left text.
 */
@Component({
  selector: 'rl-wall-clock-time',
  template: `
    <bdi><time class="announced" [attr.datetime]="instant()">{{ announced() }}</time></bdi>
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
export class WallClockTime {
  private readonly viewerZone = inject(VIEWER_TIME_ZONE);
  private readonly language = inject(LanguageService);

  readonly instant = input.required<string>();
  readonly zone = input.required<string>();

  protected readonly announced = computed(() => {
    const words = this.language.words();
    const at = { instant: this.instant(), zone: this.zone() };
    return words.t('time.moment', { time: describeWallClock(at, words), day: describeDay(at, words) });
  });
  protected readonly own = computed(() => {
    const words = this.language.words();
    const instant = this.instant();
    const zone = this.viewerZone;
    if (sameWallClock({ instant, zone: this.zone(), other: zone })) return undefined;
    const day = describeDay({ instant, zone }, words);
    const sameDay = day === describeDay({ instant, zone: this.zone() }, words);
    const time = describeWallClock({ instant, zone }, words);
    return words.t('time.yourTime', { time: sameDay ? time : words.t('time.moment', { time, day }) });
  });
}
