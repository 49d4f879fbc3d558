import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { CampStatus } from '@relief-ledger/domain';

import { CAMP_STATUS_LABELS } from '../camp-status-labels';

@Component({
  selector: 'rl-camp-status-chip',
  template: `<span class="rl-chip" [class]="'status-' + status()">{{ label() }}</span>`,
  styleUrl: './camp-status-chip.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CampStatusChip {
  readonly status = input.required<CampStatus>();
  protected readonly label = computed(() => CAMP_STATUS_LABELS[this.status()]);
}
