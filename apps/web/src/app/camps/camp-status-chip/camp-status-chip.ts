import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { CampStatus } from '@relief-ledger/domain';

@Component({
  selector: 'rl-camp-status-chip',
  imports: [TranslocoPipe],
  template: `<span class="rl-chip" [class]="'status-' + status()">{{ 'status.camp.' + status() | transloco }}</span>`,
  styleUrl: './camp-status-chip.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CampStatusChip {
  readonly status = input.required<CampStatus>();
}
