import { Injectable } from '@nestjs/common';
import {
  addMonths,
  REPORTS,
  wallClockAt,
  XLSX_MAX_ROWS,
  reportText,
  type Language,
  type ReportColumn,
  type ReportFilterName,
  type ReportId,
  type ReportPage,
  type ReportQuery, fieldProblem } from '@relief-ledger/domain';
import { PassThrough, type Readable } from 'node:stream';
import { AuditService } from '../audit/audit.service.js';
import { inThisScope } from '../common/database/organisation-context.js';
import type { Actor } from '../common/actor.js';
import { ValidationException } from '../common/problem/app-exception.js';
import { ConvoyReportsRepository } from './convoy-reports.repository.js';
import { DistributionReportsRepository } from './distribution-reports.repository.js';
import type { ReportQueryDto } from './dto/report.dto.js';
import { csvHeader, writeXlsx } from './report-files.js';
import type { PlaceholderMode, ReportContext, ReportSql } from './report-sql.js';
import { ReportsException } from './reports.exception.js';
import { ReportsRepository } from './reports.repository.js';
import { StockReportsRepository } from './stock-reports.repository.js';

const DEFAULT_ZONE = 'Asia/Damascus';
const FILTERS: readonly ReportFilterName[] = ['from', 'to', 'pcode', 'campId', 'stockPointId', 'itemId', 'donor', 'level'];

export interface ReportDownload {
  contentType: string;
  filename: string;
  body: Readable;
}

/**
 * Reports are read models: they read the organisation's records (and the shared ones) and never
 * write, except the audit row every request for one leaves (who, which report, which filters,
 * how many rows). Periods are local days in the zone of the organisation's sites.
 */
@Injectable()
export class ReportsService {
  constructor(
    private readonly repository: ReportsRepository,
    private readonly distributions: DistributionReportsRepository,
    private readonly stock: StockReportsRepository,
    private readonly convoys: ConvoyReportsRepository,
    private readonly audit: AuditService,
  ) {}

  async page(actor: Actor, report: ReportId, query: ReportQueryDto, now = new Date()): Promise<ReportPage> {
    const ctx = await this.context(actor, report, query, 'bind', now);
    const sql = await this.sql(report, ctx);
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 100;
    const [result, organisation] = await Promise.all([this.repository.page(sql, page, pageSize), this.repository.organisation(actor.organisationId)]);
    const columns = translated(sql.columns, ctx.language);
    await this.audited(actor, report, 'json', ctx, result.rows.length);
    return {
      report,
      columns,
      rows: result.rows as ReportPage['rows'],
      totals: result.totals,
      page,
      pageSize,
      total: result.total,
      filters: appliedFilters(report, ctx),
      generatedAt: now.toISOString(),
      zone: ctx.zone,
      organisation,
      language: ctx.language,
    };
  }

  /** The whole report as CSV, streamed from PostgreSQL's COPY behind the header rows. */
  async csv(actor: Actor, report: ReportId, query: ReportQueryDto, now = new Date()): Promise<ReportDownload> {
    const ctx = await this.context(actor, report, query, 'settings', now);
    const sql = await this.sql(report, ctx);
    const rows = await this.repository.csv(sql);
    const out = new PassThrough();
    out.write(csvHeader(translated(sql.columns, ctx.language), REPORTS[report].hxl));
    let ended = false;
    rows.stream.on('error', (error) => out.destroy(error));
    rows.stream.on('end', () => {
      ended = true;
      out.end();
    });
    rows.stream.pipe(out, { end: false });
    // Whether the client read it all or went away half way, the connection is let go (closed if
    // mid-COPY) and the download is audited with the rows that left.
    // Fired by the socket, outside the request's scope: bound to it, so that the audit row carries its organisation.
    out.once('close', inThisScope(() => {
      const failed = !ended || !out.writableFinished;
      if (failed) rows.stream.destroy();
      void rows.finish(failed).finally(() => this.audited(actor, report, failed ? 'csv (aborted)' : 'csv', ctx, rows.rowCount()).catch(() => undefined));
    }));
    return { contentType: 'text/csv; charset=utf-8', filename: filename(report, ctx, 'csv'), body: out };
  }

  /** The whole report as a workbook; refused past Excel's row limit (the CSV has none). */
  async xlsx(actor: Actor, report: ReportId, query: ReportQueryDto, now = new Date()): Promise<ReportDownload> {
    const ctx = await this.context(actor, report, query, 'bind', now);
    const sql = await this.sql(report, ctx);
    const headerRows = REPORTS[report].hxl ? 2 : 1;
    const count = await this.repository.count(sql);
    if (count + headerRows > XLSX_MAX_ROWS) throw ReportsException.tooManyRowsForXlsx(count, XLSX_MAX_ROWS - headerRows);
    const rows = await this.repository.rows(sql);
    const out = new PassThrough();
    let closed = false;
    out.once('close', () => (closed = true));
    const sheet = { title: reportText(REPORTS[report].title, ctx.language), columns: translated(sql.columns, ctx.language), hxl: REPORTS[report].hxl };
    void writeXlsx(out, sheet, rows.stream, () => closed || out.destroyed)
      .then(async (written) => {
        const failed = closed && !out.writableFinished;
        await rows.finish(failed);
        await this.audited(actor, report, failed ? 'xlsx (aborted)' : 'xlsx', ctx, written);
      })
      .catch(async (error: unknown) => {
        await rows.finish(true);
        out.destroy(error instanceof Error ? error : new Error(String(error)));
      });
    return {
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      filename: filename(report, ctx, 'xlsx'),
      body: out,
    };
  }

  private async sql(report: ReportId, ctx: ReportContext): Promise<ReportSql> {
    switch (report) {
      case '4w':
        return this.distributions.fourW(ctx);
      case 'stock-card':
        return this.stock.stockCard(ctx);
      case 'stock-movements':
        return this.stock.movementSummary(ctx);
      case 'stock-on-hand':
        return this.stock.stockOnHand(ctx);
      case 'receipts-by-donor':
        return this.stock.receiptsByDonor(ctx);
      case 'convoys-monthly':
        return this.convoys.monthly(ctx);
      case 'convoy-log':
        return this.convoys.log(ctx);
      case 'incidents':
        return this.convoys.incidents(ctx);
    }
  }

  /** The filters checked against what the report takes, and the period filled in. */
  private async context(actor: Actor, report: ReportId, query: ReportQuery, placeholders: PlaceholderMode, now: Date): Promise<ReportContext> {
    const definition = REPORTS[report];
    const errors = FILTERS.filter((name) => query[name] !== undefined && !definition.filters.includes(name)).map((field) => fieldProblem(field, 'field.not_a_filter', { report }));
    errors.push(...definition.required.filter((name) => query[name] === undefined).map((field) => fieldProblem(field, 'field.filter_required', { report })));
    if (errors.length) throw new ValidationException(errors);
    const [zone, language] = await Promise.all([
      this.repository.zone(actor.organisationId).then((z) => z ?? DEFAULT_ZONE),
      query.lang ? Promise.resolve(query.lang) : this.repository.language(actor.userId),
    ]);
    const today = wallClockAt(now, zone).date;
    const to = query.to ?? today;
    const from = query.from ?? addMonths(to, -2);
    if (from > to) throw new ValidationException([fieldProblem('from', 'field.not_after_to', { to })]);
    return {
      organisationId: actor.organisationId,
      zone,
      from,
      to,
      today,
      pcode: query.pcode,
      campId: query.campId,
      stockPointId: query.stockPointId,
      itemId: query.itemId,
      donor: query.donor,
      level: query.level ?? 'sub_district',
      placeholders,
      language,
    };
  }

  private audited(actor: Actor, report: ReportId, format: string, ctx: ReportContext, rows: number): Promise<void> {
    const filters = appliedFilters(report, ctx);
    return this.audit.recordRead(actor, {
      action: 'export',
      entity: 'report',
      entityId: report,
      changedFields: [`format=${format}`, ...Object.entries(filters).map(([name, value]) => `${name}=${value}`), `rows=${rows}`],
    });
  }
}

/** The filters the report takes, as applied (the period with its defaults). */
function appliedFilters(report: ReportId, ctx: ReportContext): ReportQuery {
  const filters: ReportQuery = {};
  for (const name of REPORTS[report].filters) {
    const value = ctx[name];
    if (value !== undefined && value !== null) (filters as Record<string, string>)[name] = value;
  }
  return filters;
}

/** Headers in the reader's language; the keys (and the HXL tags) as they are. */
function translated(columns: ReportColumn[], language: Language): ReportColumn[] {
  return columns.map((c) => ({ ...c, header: reportText(c.header, language) }));
}

function filename(report: ReportId, ctx: ReportContext, extension: string): string {
  return `relief-ledger_${report}_${ctx.from}_${ctx.to}.${extension}`;
}
