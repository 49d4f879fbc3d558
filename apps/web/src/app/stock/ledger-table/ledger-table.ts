import { DatePipe, DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatTableModule } from '@angular/material/table';
import { MovementResponse } from '@relief-ledger/domain';

import { LOSS_CAUSE_LABELS, MOVEMENT_KIND_LABELS } from '../stock-labels';

/**
 * One item's movements at a stock point, newest first as the API sends them, each with the level
 * right after it: read from the bottom up, every balance is the one below plus the change.
 */
@Component({
  selector: 'rl-ledger-table',
  imports: [DatePipe, DecimalPipe, MatTableModule],
  template: `
    <div class="rl-table-wrap">
      <table mat-table [dataSource]="movements()" [attr.aria-label]="label()">
        <ng-container matColumnDef="recordedAt">
          <th mat-header-cell *matHeaderCellDef>When</th>
          <td mat-cell *matCellDef="let movement" class="when">{{ movement.recordedAt | date: 'd MMM y, HH:mm' }}</td>
        </ng-container>
        <ng-container matColumnDef="kind">
          <th mat-header-cell *matHeaderCellDef>Movement</th>
          <td mat-cell *matCellDef="let movement">
            <span class="kind">{{ kindLabel(movement) }}</span>
            @if (detailOf(movement); as detail) {
              <!-- The space keeps the two apart for screen readers; the line break is the style's. -->
              <span class="detail"> {{ detail }}</span>
            }
          </td>
        </ng-container>
        <ng-container matColumnDef="quantity">
          <th mat-header-cell *matHeaderCellDef class="figure">Change</th>
          <td
            mat-cell
            *matCellDef="let movement"
            class="figure change"
            [class.out]="movement.quantity < 0"
          >{{ signOf(movement) }}{{ absolute(movement) | number }}</td>
        </ng-container>
        <ng-container matColumnDef="balance">
          <th mat-header-cell *matHeaderCellDef class="figure">Balance</th>
          <td mat-cell *matCellDef="let movement" class="figure balance">{{ movement.balance | number }}</td>
        </ng-container>

        <tr mat-header-row *matHeaderRowDef="columns"></tr>
        <tr mat-row *matRowDef="let movement; columns: columns"></tr>
      </table>
    </div>
  `,
  styles: `
    .figure {
      text-align: end;
      font-variant-numeric: tabular-nums;
      white-space: nowrap;
    }

    .when {
      white-space: nowrap;
    }

    .change.out {
      color: var(--mat-sys-error);
    }

    .balance {
      font-weight: 500;
    }

    .detail {
      display: block;
      color: var(--mat-sys-on-surface-variant);
      overflow-wrap: anywhere;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LedgerTable {
  readonly movements = input.required<readonly MovementResponse[]>();
  /** The table's accessible name: "Ledger of family tents". */
  readonly label = input.required<string>();

  protected readonly columns = ['recordedAt', 'kind', 'quantity', 'balance'];

  protected kindLabel(movement: MovementResponse): string {
    return MOVEMENT_KIND_LABELS[movement.kind];
  }

  protected signOf(movement: MovementResponse): string {
    if (movement.quantity > 0) return '+';
    // A true minus sign, which screen readers read as "minus" and which lines up with the plus.
    return movement.quantity < 0 ? '\u2212' : '';
  }

  protected absolute(movement: MovementResponse): number {
    return Math.abs(movement.quantity);
  }

  /** The cause of a loss, the donor and pipeline of a receipt, the waybill, or the reason given for a count or a reversal. */
  protected detailOf(movement: MovementResponse): string {
    const parts = [
      movement.lossCause ? LOSS_CAUSE_LABELS[movement.lossCause] : null,
      describeFunding(movement),
      movement.reference,
      movement.reason,
    ].filter((part): part is string => !!part);
    return parts.join(' — ');
  }
}

/** "From ECHO (ECHO/SYR/BUD/2019/91012)": who funded a receipt, and under which pipeline. */
export function describeFunding({ donor, pipelineReference }: Pick<MovementResponse, 'donor' | 'pipelineReference'>): string | null {
  if (donor && pipelineReference) return `From ${donor} (${pipelineReference})`;
  if (donor) return `From ${donor}`;
  return pipelineReference ? `Pipeline ${pipelineReference}` : null;
}
