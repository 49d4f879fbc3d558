import { DecimalPipe, PercentPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatProgressBarModule } from '@angular/material/progress-bar';

import { apiResource } from '../../shared/api-resource/api-resource';
import { LoadStatus } from '../../shared/load-status/load-status';
import { CampsApi } from '../camps-api';

/**
 * How far the camp's shelter and food go, worked out by the API from the ledger and the camp's
 * figures, each beside the Sphere minimum it is measured against, so a report states its yardstick.
 */
@Component({
  selector: 'rl-camp-coverage',
  imports: [DecimalPipe, LoadStatus, MatProgressBarModule, PercentPipe],
  templateUrl: './camp-coverage.html',
  styleUrl: './camp-coverage.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CampCoverage {
  private readonly api = inject(CampsApi);

  readonly campId = input.required<string>();

  protected readonly coverage = apiResource(
    computed(() => this.campId() || undefined),
    (id) => this.api.getCoverage(id),
  );
  /** Households with a tent, in whole percent for the bar. */
  protected readonly shelterPercent = computed(() => Math.round((this.coverage.value()?.shelter.coveredShare ?? 0) * 100));
  /** Water the camp needs each day at the Sphere minimum: not tracked in the ledger yet, so shown as the need. */
  protected readonly waterLitresPerDay = computed(() => {
    const coverage = this.coverage.value();
    return coverage ? coverage.population * coverage.sphere.waterLitresPerPersonPerDay : 0;
  });
  /** Covered living space the population needs at the Sphere minimum. */
  protected readonly coveredSpaceM2 = computed(() => {
    const coverage = this.coverage.value();
    return coverage ? coverage.population * coverage.sphere.coveredSpacePerPersonM2 : 0;
  });
}
