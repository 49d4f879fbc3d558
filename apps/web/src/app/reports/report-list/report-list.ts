import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { REPORT_IDS, reportText, REPORTS } from '@relief-ledger/domain';

import { LanguageService } from '../../core/i18n/language.service';
import { REPORT_DESCRIPTION_KEYS } from '../report-query';

/** The reports a manager hands to donors and the cluster, each opening its filters and preview. */
@Component({
  selector: 'rl-report-list',
  imports: [RouterLink, TranslocoPipe],
  template: `
    <div class="rl-page">
      <header class="rl-page-header">
        <h1>{{ 'reports.list.heading' | transloco }}</h1>
      </header>
      <p class="intro">{{ 'reports.list.intro' | transloco }}</p>
      <ul class="rl-cards reports" [attr.aria-label]="'reports.list.heading' | transloco">
        @for (report of reports(); track report.id) {
          <li>
            <a class="rl-card" [routerLink]="report.id">
              <span class="rl-card-head">
                <span class="title">{{ report.title }}</span>
                @if (report.hxl) {
                  <span class="rl-chip tag" translate="no" dir="ltr">HXL</span>
                }
                @if (report.shared) {
                  <span class="rl-chip tag">{{ 'reports.list.allOrganisations' | transloco }}</span>
                }
              </span>
              <span class="rl-muted">{{ report.description | transloco }}</span>
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
  private readonly language = inject(LanguageService);

  /** Each report with its title in the user's language (the API's `reportText`, as its files have it) and its description's key. */
  protected readonly reports = computed(() => {
    const lang = this.language.lang();
    return REPORT_IDS.map((id) => ({ ...REPORTS[id], title: reportText(REPORTS[id].title, lang), description: REPORT_DESCRIPTION_KEYS[id] }));
  });
}
