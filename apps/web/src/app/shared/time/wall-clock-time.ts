import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';

import { describeDay, describeWallClock, sameWallClock, VIEWER_TIME_ZONE } from './zoned-time';

/**
 * An instant as it was announced, on the wall clock of `zone` ("18:00 Damascus (UTC+02:00), Mon, 23
 * Dec 2019"), followed by the viewer's own time when their clock reads otherwise: a coordinator in
 * Gaziantep or Geneva must not have to work out the offset in their head.
 */
@Component({
  selector: 'rl-wall-clock-time',
  template: `
    <time class="announced" [attr.datetime]="instant()">{{ announced() }}</time>
    @if (own(); as own) {
      <span class="own"> · {{ own }}</span>
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

  readonly instant = input.required<string>();
  readonly zone = input.required<string>();

  protected readonly announced = computed(() => {
    const at = { instant: this.instant(), zone: this.zone() };
    return `${describeWallClock(at)}, ${describeDay(at)}`;
  });
  protected readonly own = computed(() => {
    const instant = this.instant();
    const zone = this.viewerZone;
    if (sameWallClock({ instant, zone: this.zone(), other: zone })) return undefined;
    const day = describeDay({ instant, zone });
    const sameDay = day === describeDay({ instant, zone: this.zone() });
    return `${describeWallClock({ instant, zone })}${sameDay ? '' : `, ${day}`} your time`;
  });
}
