import { ChangeDetectionStrategy, Component, computed, effect, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { Title } from '@angular/platform-browser';
import { RouterLink } from '@angular/router';
import { Page, Problem, REPORT_IDS, REPORTS, ReportQuery, XLSX_MAX_ROWS } from '@relief-ledger/domain';

import { problemMessage } from '../../core/problems/to-problem';
import { apiResource } from '../../shared/api-resource/api-resource';
import { BarChart } from '../../shared/charts/bar-chart';
import { injectQueryUpdater, readChoice, readPage } from '../../shared/list-query/list-query';
import { LoadStatus } from '../../shared/load-status/load-status';
import { PagePaginator, PageRequest } from '../../shared/page-paginator/page-paginator';
import { describeDay, describeWallClockShort } from '../../shared/time/zoned-time';
import { reportChart } from '../report-chart';
import { ReportFilters } from '../report-filters/report-filters';
import { describeCalendarDay, filterParams, missingFilters, readReportFilters, REPORT_FILTER_LABELS } from '../report-query';
import { ReportTable } from '../report-table/report-table';
import { reportFileUrl, ReportsApi } from '../reports-api';
import { LanguageService } from '../../core/i18n/language.service';

/**
 * One report: its filters, a preview of its first rows with the totals over all of them, and
 * the same report as CSV, as Excel, or printed. The filters and the preview's page live in the
 * address (`?from=&to=&pcode=&…&page=&pageSize=`), so a report can be linked, reloaded and
 * handed on as it is.
 */
@Component({
  selector: 'rl-report-page',
  imports: [BarChart, LoadStatus, MatButtonModule, PagePaginator, ReportFilters, ReportTable, RouterLink],
  templateUrl: './report-page.html',
  styleUrl: './report-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReportPage {
  private readonly language = inject(LanguageService);
  private readonly api = inject(ReportsApi);
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
  protected readonly missingText = computed(() =>
    this.missing()
      .map((name) => REPORT_FILTER_LABELS[name].toLowerCase())
      .join(' and '),
  );

  private readonly request = computed(
    () => {
      const definition = this.definition();
      if (!definition || this.missing().length > 0) return undefined;
      return { report: definition.id, query: { ...this.filters(), ...readPage({ page: this.page(), pageSize: this.pageSize() }) } };
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
    return page ? reportChart(page) : undefined;
  });
  /** "24 rows · 1 Dec 2019 to 31 Dec 2019 · days in Asia/Damascus · made at 16:00 Damascus, Mon, 23 Dec 2019". */
  protected readonly about = computed(() => {
    const page = this.shown();
    if (!page) return '';
    const { from, to } = page.filters;
    const period = from || to ? `${from ? describeCalendarDay(from) : '…'} to ${to ? describeCalendarDay(to) : '…'}` : undefined;
    const made = `${describeWallClockShort({ instant: page.generatedAt, zone: page.zone }, this.language.words())}, ${describeDay({ instant: page.generatedAt, zone: page.zone }, this.language.words())}`;
    return [`${page.total.toLocaleString('en')} ${page.total === 1 ? 'row' : 'rows'}`, period, `days in ${page.zone}`, `made at ${made}`]
      .filter(Boolean)
      .join(' · ');
  });
  /** A refused preview: the API's words, with the reasons that belong to no field on show. */
  protected readonly problem = computed<Problem | undefined>(() => {
    const problem = this.preview.problem();
    if (!problem?.errors?.length) return problem;
    const shownFields = new Set<string>(this.definition()?.filters ?? []);
    const elsewhere = problem.errors.filter((error) => !shownFields.has(error.field)).map(({ field, reason }) => `${field}: ${reason}`);
    const marked = problem.errors.length > elsewhere.length ? ['see the filters marked above'] : [];
    return { ...problem, detail: [problemMessage(problem), ...elsewhere, ...marked].join(' — ') };
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
      if (definition) title.setTitle(`${definition.title} · Reports · Relief Ledger`);
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
    return reportFileUrl(definition.id, this.filters(), format);
  }
}
