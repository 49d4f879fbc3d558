import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { ConvoyCoverage } from '@relief-ledger/domain';

import { LanguageService } from '../../core/i18n/language.service';
import { describeCoverage } from '../convoy-timing';

/** Whether a trip lies inside a pause window: "Covered", "Partly covered: 45 min exposed", "Not covered". */
@Component({
  selector: 'rl-coverage-badge',
  template: `<span class="badge" [class]="'coverage-' + coverage().kind">{{ label() }}</span>`,
  styles: `
    .badge {
      display: inline-flex;
      align-items: center;
      min-height: 24px;
      padding: 0 10px;
      border-radius: 12px;
      font: var(--mat-sys-label-large);
    }

    .coverage-covered {
      background: #c4eed0;
      color: #0a3818;
    }

    .coverage-partly_covered {
      background: #ffdcbe;
      color: #4a2800;
    }

    .coverage-not_covered {
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CoverageBadge {
  private readonly language = inject(LanguageService);

  readonly coverage = input.required<ConvoyCoverage>();
  protected readonly label = computed(() => describeCoverage(this.coverage(), this.language.words()));
}
