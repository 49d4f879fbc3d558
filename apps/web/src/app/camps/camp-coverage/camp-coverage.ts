import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { TranslocoPipe } from '@jsverse/transloco';

import { NumberPipe } from '../../core/i18n/format-pipes';
import { formatNumber } from '../../core/i18n/intl-format';
import { LanguageService } from '../../core/i18n/language.service';
import { apiResource } from '../../shared/api-resource/api-resource';
import { LoadStatus } from '../../shared/load-status/load-status';
import { CampsApi } from '../camps-api';

/**
 * How far the camp's shelter and food go, worked out by the API from the ledger and the camp's
 * figures, each beside the Sphere minimum it is measured against, so a report states its yardstick.
 */
@Component({
  selector: 'rl-camp-coverage',
  imports: [LoadStatus, MatProgressBarModule, NumberPipe, TranslocoPipe],
  templateUrl: './camp-coverage.html',
  styleUrl: './camp-coverage.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CampCoverage {
  private readonly api = inject(CampsApi);
  private readonly language = inject(LanguageService);

  readonly campId = input.required<string>();

  protected readonly coverage = apiResource(
    computed(() => this.campId() || undefined),
    (id) => this.api.getCoverage(id),
  );
  /** Households with a tent, in whole percent for the bar. */
  protected readonly shelterPercent = computed(() => Math.round((this.coverage.value()?.shelter.coveredShare ?? 0) * 100));
  /** "60%" of households with a tent, in the user's language and digits. */
  protected readonly coveredShare = computed(() =>
    formatNumber(this.coverage.value()?.shelter.coveredShare ?? 0, this.language.words().locale, { style: 'percent', maximumFractionDigits: 0 }),
  );
  /** Water the camp needs each day at the Sphere minimum: not tracked in the ledger yet, so shown as the need. */
  protected readonly waterLitresPerDay = computed(() => {
    const coverage = this.coverage.value();
    return coverage ? coverage.population * coverage.sphere.waterLitresPerPersonPerDay : 0;
  });
  /** Covered living space the population needs at the Sphere minimum. */
  protected readonly coveredSpaceM2 = computed(() => {
    const coverage = this.coverage.value();
    return coverage ? Math.round(coverage.population * coverage.sphere.coveredSpacePerPersonM2) : 0;
  });
}
