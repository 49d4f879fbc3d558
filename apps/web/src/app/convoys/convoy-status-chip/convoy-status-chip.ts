import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { ConvoyStatus } from '@relief-ledger/domain';

@Component({
  selector: 'rl-convoy-status-chip',
  imports: [TranslocoPipe],
  template: `<span class="rl-chip" [class]="'status-' + status()">{{ 'status.convoy.' + status() | transloco }}</span>`,
  styles: `
    .status-planned {
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }

    .status-departed {
      background: #d3e3fd;
      color: #041e49;
    }

    .status-arrived {
      background: #c4eed0;
      color: #0a3818;
    }

    .status-aborted {
      border-color: var(--mat-sys-outline);
      color: var(--mat-sys-on-surface-variant);
    }

    .status-struck {
      background: var(--mat-sys-error);
      color: var(--mat-sys-on-error);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ConvoyStatusChip {
  readonly status = input.required<ConvoyStatus>();
}
