import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { DEFAULT_TIME_ZONE, INCIDENT_KINDS, IncidentListQuery } from '@relief-ledger/domain';
import { merge } from 'rxjs';

import { SessionStore } from '../../core/auth/session-store';
import { LanguageService } from '../../core/i18n/language.service';
import { LiveEvents } from '../../core/live/live-events';
import { injectNarrowLayout } from '../../core/shell/narrow-layout';
import { apiResource } from '../../shared/api-resource/api-resource';
import { describeCasualties, describeWhere } from '../../shared/incident-fields/describe-incident';
import { pagedResource } from '../../shared/api-resource/paged-resource';
import { injectQueryUpdater, readChoice, readPage } from '../../shared/list-query/list-query';
import { LoadStatus } from '../../shared/load-status/load-status';
import { LookupsApi } from '../../shared/lookups/lookups-api';
import { PagePaginator, PageRequest } from '../../shared/page-paginator/page-paginator';
import { filterOptions, routeFilterOptions, SelectFilter } from '../../shared/select-filter/select-filter';
import { dayRangeToInstants, isDay } from '../../shared/time/day-range';
import { describeMoment } from '../../shared/time/zoned-time';
import { IncidentsApi } from '../incidents-api';
import { ScrollRegion } from '../../shared/scroll-region/scroll-region';

/**
 * Incidents reported by every organisation, newest first, filtered by kind, route and days, a
 * page at a time; new reports arrive from the live stream. Filters and page live in the address.
 */
@Component({
  selector: 'rl-incident-list',
  imports: [LoadStatus, MatButtonModule, MatFormFieldModule, MatInputModule, PagePaginator, RouterLink, ScrollRegion, SelectFilter, TranslocoPipe],
  templateUrl: './incident-list.html',
  styleUrl: './incident-list.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class IncidentList {
  private readonly language = inject(LanguageService);
  private readonly api = inject(IncidentsApi);
  private readonly lookups = inject(LookupsApi);
  private readonly session = inject(SessionStore);
  private readonly updateQuery = injectQueryUpdater();

  /** Query parameters `?kind=&routeId=&from=&to=&page=&pageSize=`; days as YYYY-MM-DD. */
  readonly kind = input<string>();
  readonly routeId = input<string>();
  readonly from = input<string>();
  readonly to = input<string>();
  readonly page = input<string>();
  readonly pageSize = input<string>();

  protected readonly kindOptions = computed(() => filterOptions(INCIDENT_KINDS, (kind) => this.language.t(`incidentKind.${kind}`)));
  protected readonly canReport = computed(() => this.session.can('incidents.write'));
  protected readonly narrow = injectNarrowLayout();
  protected readonly routes = apiResource(signal(true), () => this.lookups.listRoutes());
  protected readonly routeOptions = computed(() => routeFilterOptions(this.routes.value()));

  protected readonly filter = computed(
    () => ({
      kind: readChoice(this.kind(), INCIDENT_KINDS),
      routeId: this.routeId() || undefined,
      from: this.from() && isDay(this.from()!) ? this.from() : undefined,
      to: this.to() && isDay(this.to()!) ? this.to() : undefined,
    }),
    { equal: (a, b) => JSON.stringify(a) === JSON.stringify(b) },
  );
  protected readonly query = computed<IncidentListQuery>(
    () => {
      const { from, to, ...rest } = this.filter();
      return { ...rest, ...dayRangeToInstants({ from, to, zone: DEFAULT_TIME_ZONE }), ...readPage({ page: this.page(), pageSize: this.pageSize() }) };
    },
    { equal: (a, b) => JSON.stringify(a) === JSON.stringify(b) },
  );
  protected readonly incidents = pagedResource(this.query, (query) => this.api.listIncidents(query));
  protected readonly rows = computed(() => {
    const words = this.language.words();
    return this.incidents.items().map((incident) => ({
      incident,
      // Incidents carry no zone of their own; they happen in the design area, on its clock.
      when: describeMoment({ instant: incident.occurredAt, zone: DEFAULT_TIME_ZONE }, words),
      where: describeWhere(incident),
      casualties: describeCasualties(incident, words),
    }));
  });
  protected readonly filtered = computed(() => Object.values(this.filter()).some((value) => value !== undefined));

  constructor() {
    const live = inject(LiveEvents);
    merge(live.on('incident.reported'), live.resumed)
      .pipe(takeUntilDestroyed())
      .subscribe(() => this.incidents.reload());
  }

  protected filterBy(name: 'kind' | 'routeId' | 'from' | 'to', value: string): void {
    this.updateQuery({ [name]: value || null, page: null });
  }

  protected changePage(request: PageRequest): void {
    this.updateQuery({ page: request.page, pageSize: request.pageSize });
  }

  protected clearFilters(): void {
    this.updateQuery({ kind: null, routeId: null, from: null, to: null, page: null });
  }
}
