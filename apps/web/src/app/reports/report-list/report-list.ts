import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink } from '@angular/router';
import { REPORT_IDS, REPORTS } from '@relief-ledger/domain';

/** The reports a manager hands to donors and the cluster, each opening its filters and preview. */
@Component({
  selector: 'rl-report-list',
  imports: [RouterLink],
  template: `
    <div class="rl-page">
      <header class="rl-page-header">
        <h1>Reports</h1>
      </header>
      <p class="intro">
        Preview a report on screen, then download it as CSV or Excel, or print it (or save it as PDF). Every download is recorded
        in the audit trail. Days and months are the sites' local ones.
      </p>
      <ul class="rl-cards reports" aria-label="Reports">
        @for (report of reports; track report.id) {
          <li>
            <a class="rl-card" [routerLink]="report.id">
              <span class="rl-card-head">
                <span class="title">{{ report.title }}</span>
                @if (report.hxl) {
                  <span class="rl-chip tag">HXL</span>
                }
                @if (report.shared) {
                  <span class="rl-chip tag">All organisations</span>
                }
              </span>
              <span class="rl-muted">{{ report.description }}</span>
            </a>
          </li>
        }
      </ul>
    </div>
  `,
  styles: `
    .intro {
      max-width: 70ch;
      margin: 0 0 16px;
      color: var(--mat-sys-on-surface-variant);
    }

    .reports {
      grid-template-columns: repeat(auto-fill, minmax(min(100%, 320px), 1fr));
    }

    .rl-card {
      height: 100%;
      box-sizing: border-box;
    }

    .title {
      color: var(--mat-sys-primary);
      font: var(--mat-sys-title-medium);
    }

    .tag {
      border-color: var(--mat-sys-outline);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReportList {
  protected readonly reports = REPORT_IDS.map((id) => REPORTS[id]);
}
