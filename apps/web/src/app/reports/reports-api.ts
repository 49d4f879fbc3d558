import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { REPORT_IDS, REPORT_PAGE_SIZE_MAX, ReportColumn, ReportId, ReportPage, ReportQuery } from '@relief-ledger/domain';
import { catchError, map, Observable } from 'rxjs';

import { toParams } from '../core/http/query-params';
import { hasNumbers, hasStrings, isRecord, unexpectedAnswer } from '../core/http/read-json';
import { rethrowAsProblem } from '../core/problems/to-problem';

const API = '/api/v1/reports';

/** A file the API streams: every row, not a page. */
export type ReportFileFormat = 'csv' | 'xlsx';

/**
 * Reports for donors and the cluster: a page of rows as JSON for the preview and the print view,
 * and the address of the same report as a file. Every call fails with a `ProblemError`; a filter
 * the report does not take, or a required one left out, is a 400 naming it.
 */
@Injectable({ providedIn: 'root' })
export class ReportsApi {
  private readonly http = inject(HttpClient);

  getReportPage(report: ReportId, query: ReportQuery): Observable<ReportPage> {
    const pageSize = query.pageSize === undefined ? undefined : Math.min(Math.max(1, Math.trunc(query.pageSize)), REPORT_PAGE_SIZE_MAX);
    return this.http
      .get<unknown>(`${API}/${encodeURIComponent(report)}`, { params: toParams({ ...query, format: 'json', pageSize }) })
      .pipe(map(readReportPageOrThrow), catchError(rethrowAsProblem));
  }
}

/**
 * Where the browser downloads the report as a file, with the same filters as the preview but
 * every row: a plain link, so the session cookie goes along and the file streams to disk rather
 * than through this app's memory. `query.lang` asks for the headers in the reader's language.
 */
export function reportFileUrl(report: ReportId, query: ReportQuery, format: ReportFileFormat): string {
  const { page: _page, pageSize: _pageSize, format: _format, ...filters } = query;
  return `${API}/${encodeURIComponent(report)}?${toParams({ ...filters, format }).toString()}`;
}

function readReportPageOrThrow(value: unknown): ReportPage {
  if (
    !isRecord(value) ||
    !(REPORT_IDS as readonly unknown[]).includes(value['report']) ||
    !Array.isArray(value['columns']) ||
    !value['columns'].every(isColumn) ||
    !Array.isArray(value['rows']) ||
    !value['rows'].every(isRecord) ||
    !isRecord(value['totals']) ||
    !hasNumbers(value, ['page', 'pageSize', 'total']) ||
    !isRecord(value['filters']) ||
    !hasStrings(value, ['generatedAt', 'zone']) ||
    !isRecord(value['organisation']) ||
    !hasStrings(value['organisation'], ['name', 'shortCode'])
  ) {
    throw unexpectedAnswer('a report');
  }
  return value as unknown as ReportPage;
}

function isColumn(value: unknown): value is ReportColumn {
  return isRecord(value) && hasStrings(value, ['key', 'header', 'type']);
}
