import { DecimalPipe, DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { Title } from '@angular/platform-browser';
import { RouterLink } from '@angular/router';
import { REPORT_IDS, REPORT_PAGE_SIZE_MAX, REPORTS, ReportQuery } from '@relief-ledger/domain';
import { map } from 'rxjs';

import { apiResource } from '../../shared/api-resource/api-resource';
import { readChoice } from '../../shared/list-query/list-query';
import { LoadStatus } from '../../shared/load-status/load-status';
import { LookupsApi } from '../../shared/lookups/lookups-api';
import { describeDay, describeWallClock } from '../../shared/time/zoned-time';
import { describeFilters, missingFilters, readReportFilters, REPORT_FILTER_LABELS } from '../report-query';
import { ReportTable } from '../report-table/report-table';
import { reportFileUrl, ReportsApi } from '../reports-api';
import { LanguageService } from '../../core/i18n/language.service';

/** More columns than this print across the sheet (A4 landscape). */
const PORTRAIT_COLUMNS_MAX = 10;

/**
 * A report as it prints, or saves as PDF, on A4: who made it, the title, the filters, the zone
 * and when it was made, then the table, whose header row repeats on every sheet, and the totals.
 * Shown without the app's toolbar and navigation (route data `BARE_LAYOUT`). One JSON page holds
 * the rows; past that it says so and points to the CSV, which has them all.
 */
@Component({
  selector: 'rl-report-print',
  imports: [DecimalPipe, LoadStatus, MatButtonModule, ReportTable, RouterLink],
  templateUrl: './report-print.html',
  styleUrl: './report-print.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReportPrint {
  private readonly language = inject(LanguageService);
  private readonly api = inject(ReportsApi);
  private readonly lookups = inject(LookupsApi);
  private readonly document = inject(DOCUMENT);

  /** Route parameter `:report`; query parameters: the filters. */
  readonly report = input<string>();
  readonly from = input<string>();
  readonly to = input<string>();
  readonly pcode = input<string>();
  readonly campId = input<string>();
  readonly stockPointId = input<string>();
  readonly itemId = input<string>();
  readonly donor = input<string>();
  readonly level = input<string>();

  protected readonly definition = computed(() => {
    const id = readChoice(this.report(), REPORT_IDS);
    return id ? REPORTS[id] : undefined;
  });
  protected readonly filters = computed<ReportQuery>(
    () => {
      const definition = this.definition();
      if (!definition) return {};
      return readReportFilters(definition, {
        from: this.from(),
        to: this.to(),
        pcode: this.pcode(),
        campId: this.campId(),
        stockPointId: this.stockPointId(),
        itemId: this.itemId(),
        donor: this.donor(),
        level: this.level(),
      });
    },
    { equal: (a, b) => JSON.stringify(a) === JSON.stringify(b) },
  );
  protected readonly missingText = computed(() => {
    const definition = this.definition();
    return definition ? missingFilters(definition, this.filters()).map((name) => REPORT_FILTER_LABELS[name].toLowerCase()).join(' and ') : '';
  });

  private readonly request = computed(
    () => {
      const definition = this.definition();
      if (!definition || this.missingText()) return undefined;
      return { report: definition.id, query: { ...this.filters(), page: 1, pageSize: REPORT_PAGE_SIZE_MAX } };
    },
    { equal: (a, b) => JSON.stringify(a) === JSON.stringify(b) },
  );
  protected readonly page = apiResource(this.request, ({ report, query }) => this.api.getReportPage(report, query));
  protected readonly wide = computed(() => (this.page.value()?.columns.length ?? 0) > PORTRAIT_COLUMNS_MAX);

  // Names for the ids in the filters, for the header: loaded only for the filters that are set.
  private readonly camps = apiResource(this.whenSet('campId'), () => this.lookups.listCamps().pipe(map((camps) => new Map(camps.map((camp) => [camp.id, camp.nameEn])))));
  private readonly stockPoints = apiResource(this.whenSet('stockPointId'), () =>
    this.lookups.listStockPoints().pipe(map((points) => new Map(points.map((point) => [point.id, point.name])))),
  );
  private readonly items = apiResource(this.whenSet('itemId'), () => this.lookups.listItems().pipe(map((items) => new Map(items.map((item) => [item.id, item.nameEn])))));
  private readonly location = apiResource(
    computed(() => this.filters().pcode),
    (pcode) => this.lookups.listLocations({ name: pcode, pageSize: 20 }).pipe(map((page) => page.items.find((location) => location.pcode === pcode)?.nameEn ?? '')),
  );

  /** The filters as the API applied them, defaults included, in words. */
  protected readonly appliedFilters = computed(() => {
    const page = this.page.value();
    if (!page) return [];
    return describeFilters(page.filters, {
      location: this.location.value() || undefined,
      camps: this.camps.value(),
      stockPoints: this.stockPoints.value(),
      items: this.items.value(),
    });
  });
  protected readonly generatedAt = computed(() => {
    const page = this.page.value();
    if (!page) return '';
    return `${describeWallClock({ instant: page.generatedAt, zone: page.zone }, this.language.words())}, ${describeDay({ instant: page.generatedAt, zone: page.zone }, this.language.words())}`;
  });
  protected readonly csvUrl = computed(() => {
    const definition = this.definition();
    return definition ? reportFileUrl(definition.id, this.filters(), 'csv') : '';
  });

  constructor() {
    const title = inject(Title);
    effect(() => {
      const definition = this.definition();
      const organisation = this.page.value()?.organisation.shortCode;
      // The title is the file name a browser suggests for "Save as PDF".
      if (definition) title.setTitle(`${definition.title}${organisation ? ` · ${organisation}` : ''} · Relief Ledger`);
    });
  }

  protected printReport(): void {
    this.document.defaultView?.print();
  }

  private whenSet(name: 'campId' | 'stockPointId' | 'itemId') {
    return computed(() => (this.filters()[name] ? true : undefined));
  }
}
