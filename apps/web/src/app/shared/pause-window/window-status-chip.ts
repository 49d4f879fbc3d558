import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { PauseWindowStatus } from '@relief-ledger/domain';

@Component({
  selector: 'rl-window-status-chip',
  imports: [TranslocoPipe],
  template: `<span class="rl-chip" [class]="'status-' + status()">{{ 'status.window.' + status() | transloco }}</span>`,
  styles: `
    .status-upcoming {
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }

    .status-in_force {
      background: #c4eed0;
      color: #0a3818;
    }

    .status-ended {
      border-color: var(--mat-sys-outline);
      color: var(--mat-sys-on-surface-variant);
    }

    .status-violated {
      background: var(--mat-sys-error);
      color: var(--mat-sys-on-error);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class WindowStatusChip {
  readonly status = input.required<PauseWindowStatus>();
}
