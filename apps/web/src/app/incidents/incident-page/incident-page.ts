import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { Title } from '@angular/platform-browser';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { DEFAULT_TIME_ZONE } from '@relief-ledger/domain';

import { LanguageService } from '../../core/i18n/language.service';
import { apiResource } from '../../shared/api-resource/api-resource';
import { describeCasualties } from '../../shared/incident-fields/describe-incident';
import { LoadStatus } from '../../shared/load-status/load-status';
import { WallClockTime } from '../../shared/time/wall-clock-time';
import { IncidentsApi } from '../incidents-api';

/**
 * One incident: what, when (on the clock of the design area, with the zone named, and the
 * viewer's), where, casualties, and the pause windows it broke, each a link to its page.
 */
@Component({
  selector: 'rl-incident-page',
  imports: [LoadStatus, MatButtonModule, RouterLink, TranslocoPipe, WallClockTime],
  templateUrl: './incident-page.html',
  styleUrl: './incident-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class IncidentPage {
  private readonly api = inject(IncidentsApi);
  private readonly language = inject(LanguageService);
  private readonly title = inject(Title);

  /** Route parameter `:id`. */
  readonly id = input.required<string>();

  // Incidents carry no zone of their own; they happen in the design area, on its clock.
  protected readonly zone = DEFAULT_TIME_ZONE;
  protected readonly incident = apiResource(
    computed(() => this.id() || undefined),
    (id) => this.api.getIncident(id),
    { onLoaded: (incident) => this.title.setTitle(`${this.language.t('incidentKind.' + incident.kind)} · ${this.language.t('app.name')}`) },
  );
  protected readonly casualties = computed(() => {
    const incident = this.incident.value();
    return incident ? describeCasualties(incident, this.language.words()) : '';
  });
}
