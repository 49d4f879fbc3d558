import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { ReportPage } from '@relief-ledger/domain';

import { LanguageService } from '../../core/i18n/language.service';
import { cellWords, formatCell } from '../report-query';

/**
 * A page of a report as a plain table: the report's own columns, the rows, and the totals of the
 * summed columns over every row of the report (not only those shown) as the last row. The
 * headers come in the user's language from the API; codes (a convoy's status) are put in words
 * here. Text cells are isolated (`bdi`), so an Arabic camp name keeps its order beside English ones. The
 * totals are the last row of the body rather than a footer, which a printer repeats on every sheet.
 */
@Component({
  selector: 'rl-report-table',
  template: `
    <table class="report-table" [attr.aria-label]="label()">
      <thead>
        <tr>
          @for (column of page().columns; track column.key) {
            <th scope="col" [class.figure]="column.type === 'number'"><bdi>{{ column.header }}</bdi></th>
          }
        </tr>
      </thead>
      <tbody>
        @for (row of rows(); track $index) {
          <tr>
            @for (cell of row; track $index) {
              @if (cell.text) {
                <td><bdi>{{ cell.value }}</bdi></td>
              } @else {
                <td [class.figure]="cell.figure">{{ cell.value }}</td>
              }
            }
          </tr>
        }
        @if (totals(); as totals) {
          <tr class="totals">
            @for (cell of totals; track $index; let first = $first) {
              @if (first && !cell.figure) {
                <th scope="row">{{ totalsLabel() }}</th>
              } @else {
                <td [class.figure]="cell.figure">{{ cell.value }}</td>
              }
            }
          </tr>
        }
      </tbody>
    </table>
  `,
  styles: `
    :host {
      display: block;
    }

    .report-table {
      width: 100%;
      border-collapse: collapse;
      font: var(--mat-sys-body-medium);
    }

    th,
    td {
      padding: 6px 10px;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
      text-align: start;
      vertical-align: top;
    }

    thead th {
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-title-small);
      vertical-align: bottom;
    }

    // On screen a wide report scrolls sideways in its box rather than squeezing names into columns a word wide.
    @media screen {
      thead th {
        white-space: nowrap;
      }

      td {
        min-width: 6em;
      }
    }

    .figure {
      text-align: end;
      font-variant-numeric: tabular-nums;
      white-space: nowrap;
    }

    .totals th,
    .totals td {
      border-top: 2px solid var(--mat-sys-on-surface);
      font-weight: 600;
    }

    // On paper: the header row again at the top of every sheet, no row split across two.
    @media print {
      .report-table {
        font-size: 8pt;
      }

      thead {
        display: table-header-group;
      }

      tr {
        break-inside: avoid;
      }

      th,
      td {
        padding: 2pt 4pt;
        border-bottom-color: #999;
      }

      thead th {
        font-size: 8pt;
        color: #000;
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReportTable {
  private readonly language = inject(LanguageService);

  readonly page = input.required<ReportPage>();
  /** The table's accessible name: "4W of distributions". */
  readonly label = input.required<string>();

  protected readonly rows = computed(() => {
    const { report, columns, rows, zone } = this.page();
    const words = this.language.words();
    return rows.map((row) =>
      columns.map((column) => ({
        value: cellWords(report, column.key, row[column.key], words) ?? formatCell(column, row[column.key], zone, words),
        text: column.type === 'text',
        figure: column.type === 'number',
      })),
    );
  });

  /** One cell per column: the total of a summed column, empty for the others. None when nothing is summed. */
  protected readonly totals = computed(() => {
    const { columns, totals, zone } = this.page();
    const words = this.language.words();
    if (!columns.some((column) => column.total && totals[column.key] !== undefined)) return undefined;
    return columns.map((column) => ({
      value: column.total ? formatCell(column, totals[column.key], zone, words) : '',
      figure: column.type === 'number' && !!column.total,
    }));
  });

  protected readonly totalsLabel = computed(() => {
    const { rows, total } = this.page();
    return total > rows.length ? this.language.t('reports.table.totalOfAll', { count: total }) : this.language.t('reports.table.total');
  });
}
