import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';

import { LiveEvents } from './live-events';

/** Whether the screens are following the live stream: a small dot and a word in the toolbar. */
@Component({
  selector: 'rl-live-indicator',
  imports: [TranslocoPipe],
  template: `
    @if (status() !== 'off') {
      <span class="live" [class]="'live-' + status()" role="status" [title]="'live.title.' + status() | transloco">
        <span class="dot" aria-hidden="true"></span>{{ 'live.label.' + status() | transloco }}
      </span>
    }
  `,
  styles: `
    .live {
      display: inline-flex;
      align-items: center;
      gap: 6px;
      padding: 2px 8px;
      border-radius: 12px;
      font: var(--mat-sys-label-medium);
      white-space: nowrap;
      background: rgb(255 255 255 / 0.16);
    }

    .dot {
      width: 8px;
      height: 8px;
      border-radius: 50%;
      background: #ffd54f;
    }

    .live-live .dot {
      background: #69f0ae;
    }

    .live-reconnecting {
      background: #ffdcbe;
      color: #4a2800;
    }

    .live-offline {
      background: #eceff1;
      color: #263238;
    }

    .live-offline .dot {
      background: #78909c;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LiveIndicator {
  protected readonly status = inject(LiveEvents).status;
}
