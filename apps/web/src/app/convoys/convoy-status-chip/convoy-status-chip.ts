import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { CONVOY_STATUS_LABELS, ConvoyStatus } from '@relief-ledger/domain';

@Component({
  selector: 'rl-convoy-status-chip',
  template: `<span class="rl-chip" [class]="'status-' + status()">{{ label() }}</span>`,
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
  protected readonly label = computed(() => CONVOY_STATUS_LABELS[this.status()]);
}
