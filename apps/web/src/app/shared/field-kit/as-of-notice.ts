import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';

import { LanguageService } from '../../core/i18n/language.service';
import { describeMoment } from '../time/zoned-time';

// First-strong isolate and its end: the time keeps its own order inside right-to-left text.
const ISOLATE = '\u2068';
const END_ISOLATE = '\u2069';

/**
 * Says that what the screen shows is this phone's copy, and from when: "Offline: showing what this
 * phone kept, as of 14:30 Damascus, Mon, 23 Dec 2019". The time is on the sites' wall clock, as
 * every instant on these screens.
 */
@Component({
  selector: 'rl-as-of-notice',
  template: `<p class="rl-as-of" role="status">{{ text() }}</p>`,
  styles: `
    .rl-as-of {
      margin: 0 0 12px;
      padding-block: 8px;
      padding-inline: 12px;
      border-radius: 8px;
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AsOfNotice {
  private readonly language = inject(LanguageService);

  readonly asOf = input.required<string>();
  readonly zone = input.required<string>();

  protected readonly text = computed(() => {
    const words = this.language.words();
    const time = describeMoment({ instant: this.asOf(), zone: this.zone() }, words);
    return words.t('fieldKit.offline', { time: `${ISOLATE}${time}${END_ISOLATE}` });
  });
}
