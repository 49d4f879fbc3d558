import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';

import { LiveEvents, LiveStatus } from './live-events';

const LABELS: Readonly<Record<Exclude<LiveStatus, 'off'>, string>> = {
  connecting: 'Connecting…',
  live: 'Live',
  reconnecting: 'Reconnecting…',
};

const TITLES: Readonly<Record<Exclude<LiveStatus, 'off'>, string>> = {
  connecting: 'Connecting to live updates',
  live: 'Convoys, windows and incidents update here as they happen',
  reconnecting: 'Live updates lost the connection and are trying again; what you see may be out of date',
};

/** Whether the screens are following the live stream: a small dot and a word in the toolbar. */
@Component({
  selector: 'rl-live-indicator',
  template: `
    @if (label(); as label) {
      <span class="live" [class]="'live-' + status()" role="status" [title]="title()">
        <span class="dot" aria-hidden="true"></span>{{ label }}
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
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LiveIndicator {
  protected readonly status = inject(LiveEvents).status;
  protected readonly label = computed(() => {
    const status = this.status();
    return status === 'off' ? undefined : LABELS[status];
  });
  protected readonly title = computed(() => {
    const status = this.status();
    return status === 'off' ? '' : TITLES[status];
  });
}
