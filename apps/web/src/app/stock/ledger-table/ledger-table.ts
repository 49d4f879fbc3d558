import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatTableModule } from '@angular/material/table';
import { TranslocoPipe } from '@jsverse/transloco';
import { DEFAULT_TIME_ZONE, MovementResponse } from '@relief-ledger/domain';

import { NumberPipe } from '../../core/i18n/format-pipes';
import { LanguageService } from '../../core/i18n/language.service';
import { LocalWords } from '../../core/i18n/local-words';
import { describeMoment } from '../../shared/time/zoned-time';
import { LEDGER_KIND_KEYS } from '../stock-words';
import { ScrollRegion } from '../../shared/scroll-region/scroll-region';

/**
 * One item's movements at a stock point, newest first as the API sends them, each with the level
 * right after it: read from the bottom up, every balance is the one below plus the change.
 */
@Component({
  selector: 'rl-ledger-table',
  imports: [MatButtonModule, MatTableModule, NumberPipe, ScrollRegion, TranslocoPipe],
  template: `
    <div class="rl-table-wrap">
      <table mat-table class="rl-stacked" [dataSource]="movements()" [attr.aria-label]="label()">
        <ng-container matColumnDef="occurredAt">
          <th mat-header-cell *matHeaderCellDef>{{ 'stock.ledger.when' | transloco }}</th>
          <td mat-cell *matCellDef="let movement" [attr.data-label]="'stock.ledger.when' | transloco" class="when">
            {{ momentOf(movement.occurredAt) }}
            @if (showRecorded()) {
              <span class="recorded">&ngsp;{{ 'stock.ledger.recordedAt' | transloco: { when: momentOf(movement.recordedAt) } }}</span>
            }
          </td>
        </ng-container>
        <ng-container matColumnDef="kind">
          <th mat-header-cell *matHeaderCellDef>{{ 'stock.ledger.movement' | transloco }}</th>
          <td mat-cell *matCellDef="let movement" [attr.data-label]="'stock.ledger.movement' | transloco">
            <span class="kind">{{ kindKey(movement) | transloco }}</span>
            @if (detailOf(movement); as detail) {
              <!-- The space keeps the two apart for screen readers; the line break is the style's. -->
              <span class="detail">&ngsp;<bdi>{{ detail }}</bdi></span>
            }
          </td>
        </ng-container>
        <ng-container matColumnDef="quantity">
          <th mat-header-cell *matHeaderCellDef class="figure">{{ 'stock.ledger.change' | transloco }}</th>
          <td
            mat-cell
            *matCellDef="let movement"
            [attr.data-label]="'stock.ledger.change' | transloco"
            class="figure change"
            [class.out]="movement.quantity < 0"
          ><bdi dir="ltr">{{ signOf(movement) }}{{ absolute(movement) | rlNumber }}</bdi></td>
        </ng-container>
        <ng-container matColumnDef="balance">
          <th mat-header-cell *matHeaderCellDef class="figure">{{ 'stock.ledger.balance' | transloco }}</th>
          <td mat-cell *matCellDef="let movement" [attr.data-label]="'stock.ledger.balance' | transloco" class="figure balance">{{ movement.balance | rlNumber }}</td>
        </ng-container>

        <ng-container matColumnDef="actions">
          <th mat-header-cell *matHeaderCellDef><span class="cdk-visually-hidden">{{ 'stock.ledger.actions' | transloco }}</span></th>
          <td mat-cell *matCellDef="let movement" [attr.data-label]="'stock.ledger.actions' | transloco" class="actions">
            @if (movement.reversible) {
              <button
                mat-button
                type="button"
                class="reverse"
                [attr.aria-label]="'stock.ledger.reverseLabel' | transloco: { movement: (kindKey(movement) | transloco), when: momentOf(movement.occurredAt) }"
                (click)="reverse.emit(movement)"
              >
                {{ 'stock.ledger.reverse' | transloco }}
              </button>
            }
          </td>
        </ng-container>

        <tr mat-header-row *matHeaderRowDef="columns()"></tr>
        <tr mat-row *matRowDef="let movement; columns: columns()"></tr>
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

    .recorded {
      display: block;
      color: var(--mat-sys-on-surface-variant);
    }

    .actions {
      text-align: end;
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
  private readonly language = inject(LanguageService);

  readonly movements = input.required<readonly MovementResponse[]>();
  /** The table's accessible name, translated by the caller: "Ledger of Family tent". */
  readonly label = input.required<string>();

  /** Also when each movement was written into the ledger, under when it happened. */
  readonly showRecorded = input(false);
  /** Offer "Reverse" on the movements the API can undo. */
  readonly canReverse = input(false);
  /** The movement whose "Reverse" was pressed. */
  readonly reverse = output<MovementResponse>();

  protected readonly columns = computed(() => ['occurredAt', 'kind', 'quantity', 'balance', ...(this.canReverse() ? ['actions'] : [])]);

  /** A past moment with its date, on the site's clock with the zone named: "09:00 Damascus, Sun, 22 Dec 2019". */
  protected momentOf(instant: string): string {
    return describeMoment({ instant, zone: DEFAULT_TIME_ZONE }, this.language.words());
  }

  /** What happened to the stock, as a translation key: "Received", "Stock count". */
  protected kindKey(movement: MovementResponse): string {
    return LEDGER_KIND_KEYS[movement.kind];
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
    const words = this.language.words();
    const parts = [
      movement.lossCause ? words.t(`lossCause.${movement.lossCause}`) : null,
      describeFunding(movement, words),
      movement.reference,
      movement.reason,
    ].filter((part): part is string => !!part);
    return parts.join(words.t('stock.ledger.separator'));
  }
}

/** "From ECHO (ECHO/SYR/BUD/2019/91012)": who funded a receipt, and under which pipeline, in the user's language. */
export function describeFunding({ donor, pipelineReference }: Pick<MovementResponse, 'donor' | 'pipelineReference'>, words: LocalWords): string | null {
  if (donor && pipelineReference) return words.t('stock.ledger.fromDonorPipeline', { donor, pipeline: pipelineReference });
  if (donor) return words.t('stock.ledger.fromDonor', { donor });
  return pipelineReference ? words.t('stock.ledger.pipeline', { pipeline: pipelineReference }) : null;
}
