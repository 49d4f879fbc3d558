import { ChangeDetectionStrategy, Component, computed, effect, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { Title } from '@angular/platform-browser';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { Page, Problem, REPORT_IDS, reportText, REPORTS, ReportQuery, XLSX_MAX_ROWS } from '@relief-ledger/domain';

import { LanguageService } from '../../core/i18n/language.service';
import { ProblemMessages } from '../../core/problems/problem-messages';
import { apiResource } from '../../shared/api-resource/api-resource';
import { BarChart } from '../../shared/charts/bar-chart';
import { injectQueryUpdater, readChoice, readPage } from '../../shared/list-query/list-query';
import { LoadStatus } from '../../shared/load-status/load-status';
import { NotFound } from '../../shared/not-found/not-found';
import { PagePaginator, PageRequest } from '../../shared/page-paginator/page-paginator';
import { describeDay, describeWallClockShort, zoneName } from '../../shared/time/zoned-time';
import { reportChart } from '../report-chart';
import { ReportFilters } from '../report-filters/report-filters';
import { describeMissing, describePeriod, filterParams, missingFilters, readReportFilters, REPORT_DESCRIPTION_KEYS } from '../report-query';
import { ReportTable } from '../report-table/report-table';
import { reportFileUrl, ReportsApi } from '../reports-api';
import { ScrollRegion } from '../../shared/scroll-region/scroll-region';

/**
 * One report: its filters, a preview of its first rows with the totals over all of them, and
 * the same report as CSV, as Excel, or printed. The filters and the preview's page live in the
 * address (`?from=&to=&pcode=&…&page=&pageSize=`), so a report can be linked, reloaded and
 * handed on as it is.
 */
@Component({
  selector: 'rl-report-page',
  imports: [BarChart, LoadStatus, MatButtonModule, NotFound, PagePaginator, ReportFilters, ReportTable, RouterLink, ScrollRegion, TranslocoPipe],
  templateUrl: './report-page.html',
  styleUrl: './report-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReportPage {
  private readonly language = inject(LanguageService);
  private readonly api = inject(ReportsApi);
  private readonly messages = inject(ProblemMessages);
  private readonly updateQuery = injectQueryUpdater();

  /** Route parameter `:report`. */
  readonly report = input<string>();
  /** Query parameters: the filters and the preview's page. */
  readonly from = input<string>();
  readonly to = input<string>();
  readonly pcode = input<string>();
  readonly campId = input<string>();
  readonly stockPointId = input<string>();
  readonly itemId = input<string>();
  readonly donor = input<string>();
  readonly level = input<string>();
  readonly page = input<string>();
  readonly pageSize = input<string>();

  protected readonly definition = computed(() => {
    const id = readChoice(this.report(), REPORT_IDS);
    return id ? REPORTS[id] : undefined;
  });
  /** The report's title in the user's language, as its files have it (the API's `reportText`). */
  protected readonly title = computed(() => {
    const definition = this.definition();
    return definition ? reportText(definition.title, this.language.lang()) : '';
  });
  protected readonly descriptionKey = computed(() => {
    const definition = this.definition();
    return definition ? REPORT_DESCRIPTION_KEYS[definition.id] : '';
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
  protected readonly missing = computed(() => {
    const definition = this.definition();
    return definition ? missingFilters(definition, this.filters()) : [];
  });
  protected readonly missingText = computed(() => describeMissing(this.missing(), this.language.words()));

  private readonly request = computed(
    () => {
      const definition = this.definition();
      if (!definition || this.missing().length > 0) return undefined;
      // The headers and names come in the user's language, and again in another when it changes.
      const query = { ...this.filters(), lang: this.language.lang(), ...readPage({ page: this.page(), pageSize: this.pageSize() }) };
      return { report: definition.id, query };
    },
    { equal: (a, b) => JSON.stringify(a) === JSON.stringify(b) },
  );
  protected readonly preview = apiResource(this.request, ({ report, query }) => this.api.getReportPage(report, query));
  /** The preview of this report with these filters: never the last one's while the next loads for another report. */
  protected readonly shown = computed(() => {
    const page = this.preview.value();
    return page && this.request() && page.report === this.definition()?.id ? page : undefined;
  });
  protected readonly pager = computed<Page<unknown> | undefined>(() => {
    const page = this.shown();
    return page && { items: page.rows, page: page.page, pageSize: page.pageSize, total: page.total };
  });
  protected readonly chart = computed(() => {
    const page = this.shown();
    return page ? reportChart(page, this.language.words()) : undefined;
  });
  /** "24 rows · 1 Dec 2019 to 31 Dec 2019 · days in Damascus · made at 16:00 Damascus, Mon, 23 Dec 2019". */
  protected readonly about = computed(() => {
    const page = this.shown();
    if (!page) return '';
    const words = this.language.words();
    const { from, to } = page.filters;
    const at = { instant: page.generatedAt, zone: page.zone };
    return [
      words.t('reports.page.rows', { count: page.total }),
      from || to ? describePeriod({ from, to }, words, { start: '…', end: '…' }) : undefined,
      words.t('reports.page.daysIn', { zone: zoneName(page.zone, words) }),
      words.t('reports.page.madeAt', { time: describeWallClockShort(at, words), day: describeDay(at, words) }),
    ]
      .filter(Boolean)
      .join(' · ');
  });
  /** A refused preview: the problem in the user's language, with the reasons that belong to no field on show. */
  protected readonly problem = computed<Problem | undefined>(() => {
    const problem = this.preview.problem();
    if (!problem?.errors?.length) return problem;
    const shownFields = new Set<string>(this.definition()?.filters ?? []);
    const elsewhere = problem.errors.filter((error) => !shownFields.has(error.field)).map((error) => this.messages.unplacedReason(error));
    const marked = problem.errors.length > elsewhere.length ? [this.language.t('reports.page.seeFilters')] : [];
    // Said as it is: without its code, the banner shows this sentence rather than the code's alone.
    return { ...problem, code: undefined, detail: this.messages.join([this.messages.message(problem), ...elsewhere, ...marked]) };
  });

  protected readonly csvUrl = computed(() => this.fileUrl('csv'));
  protected readonly xlsxUrl = computed(() => this.fileUrl('xlsx'));
  /** More rows than one sheet holds (its header rows included): the API refuses the XLSX, the CSV has them all. */
  protected readonly tooBigForXlsx = computed(() => {
    const page = this.shown();
    const headerRows = this.definition()?.hxl ? 2 : 1;
    return page !== undefined && page.total > XLSX_MAX_ROWS - headerRows;
  });

  constructor() {
    const title = inject(Title);
    effect(() => {
      const definition = this.definition();
      if (definition) title.setTitle(`${this.title()} · ${this.language.t('reports.title.list')} · ${this.language.t('app.name')}`);
    });
  }

  protected applyFilters(query: ReportQuery): void {
    this.updateQuery({ ...filterParams(query), page: null });
  }

  protected changePage(request: PageRequest): void {
    this.updateQuery({ page: request.page, pageSize: request.pageSize });
  }

  private fileUrl(format: 'csv' | 'xlsx'): string | undefined {
    const definition = this.definition();
    if (!definition || this.missing().length > 0) return undefined;
    return reportFileUrl(definition.id, { ...this.filters(), lang: this.language.lang() }, format);
  }
}
