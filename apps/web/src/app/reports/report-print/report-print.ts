import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, DestroyRef, effect, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { Title } from '@angular/platform-browser';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { REPORT_IDS, REPORT_PAGE_SIZE_MAX, reportText, REPORTS, ReportQuery } from '@relief-ledger/domain';
import { map } from 'rxjs';

import { NumberPipe } from '../../core/i18n/format-pipes';
import { LanguageService } from '../../core/i18n/language.service';
import { apiResource } from '../../shared/api-resource/api-resource';
import { readChoice } from '../../shared/list-query/list-query';
import { LoadStatus } from '../../shared/load-status/load-status';
import { localName } from '../../shared/lookups/local-name';
import { LookupsApi } from '../../shared/lookups/lookups-api';
import { describeDay, describeWallClock, zoneName } from '../../shared/time/zoned-time';
import { pageFooterContent, PAGE_FOOTER_PROPERTY } from '../page-footer';
import { describeFilters, describeMissing, missingFilters, readReportFilters } from '../report-query';
import { ReportTable } from '../report-table/report-table';
import { reportFileUrl, ReportsApi } from '../reports-api';

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
  imports: [LoadStatus, MatButtonModule, NumberPipe, ReportTable, RouterLink, TranslocoPipe],
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
  /** The report's title in the user's language, as its files have it (the API's `reportText`). */
  protected readonly title = computed(() => {
    const definition = this.definition();
    return definition ? reportText(definition.title, this.language.lang()) : '';
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
    return definition ? describeMissing(missingFilters(definition, this.filters()), this.language.words()) : '';
  });

  private readonly request = computed(
    () => {
      const definition = this.definition();
      if (!definition || this.missingText()) return undefined;
      return { report: definition.id, query: { ...this.filters(), lang: this.language.lang(), page: 1, pageSize: REPORT_PAGE_SIZE_MAX } };
    },
    { equal: (a, b) => JSON.stringify(a) === JSON.stringify(b) },
  );
  protected readonly page = apiResource(this.request, ({ report, query }) => this.api.getReportPage(report, query));
  protected readonly wide = computed(() => (this.page.value()?.columns.length ?? 0) > PORTRAIT_COLUMNS_MAX);

  // Names for the ids in the filters, for the header: loaded only for the filters that are set.
  private readonly camps = apiResource(this.whenSet('campId'), () => this.lookups.listCamps());
  private readonly stockPoints = apiResource(this.whenSet('stockPointId'), () =>
    this.lookups.listStockPoints().pipe(map((points) => new Map(points.map((point) => [point.id, point.name])))),
  );
  private readonly items = apiResource(this.whenSet('itemId'), () => this.lookups.listItems());
  private readonly location = apiResource(
    computed(() => this.filters().pcode),
    (pcode) => this.lookups.listLocations({ name: pcode, pageSize: 20 }).pipe(map((page) => page.items.find((location) => location.pcode === pcode))),
  );

  /** The filters as the API applied them, defaults included, in words. */
  protected readonly appliedFilters = computed(() => {
    const page = this.page.value();
    if (!page) return [];
    const words = this.language.words();
    const lang = words.locale.lang;
    const named = <T extends { id: string; nameEn: string; nameAr: string }>(records: readonly T[] | undefined) =>
      records && new Map(records.map((record) => [record.id, localName(record, lang)]));
    const location = this.location.value();
    return describeFilters(page.filters, words, {
      location: location ? localName(location, lang) : undefined,
      camps: named(this.camps.value()),
      stockPoints: this.stockPoints.value(),
      items: named(this.items.value()),
    });
  });
  protected readonly generatedAt = computed(() => {
    const page = this.page.value();
    if (!page) return '';
    const words = this.language.words();
    const at = { instant: page.generatedAt, zone: page.zone };
    return words.t('time.moment', { time: describeWallClock(at, words), day: describeDay(at, words) });
  });
  protected readonly zone = computed(() => {
    const page = this.page.value();
    return page ? zoneName(page.zone, this.language.words()) : '';
  });
  protected readonly csvUrl = computed(() => {
    const definition = this.definition();
    return definition ? reportFileUrl(definition.id, { ...this.filters(), lang: this.language.lang() }, 'csv') : '';
  });

  constructor() {
    const title = inject(Title);
    effect(() => {
      const definition = this.definition();
      const organisation = this.page.value()?.organisation.shortCode;
      // The title is the file name a browser suggests for "Save as PDF".
      if (definition) title.setTitle(`${this.title()}${organisation ? ` · ${organisation}` : ''} · ${this.language.t('app.name')}`);
    });
    // "Page 1 of 3" at the foot of every sheet, in the user's language and digits (styles.scss reads it).
    const root = this.document.documentElement;
    effect(() => root.style.setProperty(PAGE_FOOTER_PROPERTY, pageFooterContent(this.language.words())));
    inject(DestroyRef).onDestroy(() => root.style.removeProperty(PAGE_FOOTER_PROPERTY));
  }

  protected printReport(): void {
    this.document.defaultView?.print();
  }

  private whenSet(name: 'campId' | 'stockPointId' | 'itemId') {
    return computed(() => (this.filters()[name] ? true : undefined));
  }
}
