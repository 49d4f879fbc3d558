import { HttpClient, HttpErrorResponse, HttpEventType, HttpHeaders } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { CreateDistributionRequest, DISTRIBUTION_IMPORT_COLUMNS, DistributionResponse, DistributionTotal, Page, Problem, ProblemParams } from '@relief-ledger/domain';
import { catchError, filter, map, Observable, throwError } from 'rxjs';

import { clampPageSize, toParams } from '../core/http/query-params';
import { OutboxDraft } from '../core/outbox/outbox';
import { OutboxAnswer } from '../core/outbox/outbox-entry';
import { hasNumbers, hasStrings, isRecord, readPageOrThrow, unexpectedAnswer } from '../core/http/read-json';
import { ProblemError } from '../core/problems/problem-error';
import { rethrowAsProblem, toProblem } from '../core/problems/to-problem';

const API = '/api/v1';

export interface DistributionListQuery {
  campId?: string;
  itemId?: string;
  /** Instants with offset; `from` inclusive, `to` exclusive, as the API takes them. */
  from?: string;
  to?: string;
  page?: number;
  pageSize?: number;
}

export type DistributionTotalsQuery = Omit<DistributionListQuery, 'page' | 'pageSize'>;

/** What `GET /distributions/totals` answers per camp and item: the contract's type. */
export type { DistributionTotal } from '@relief-ledger/domain';

export interface RecordedDistribution {
  distribution: DistributionResponse;
  /** The server had recorded this one already (a re-send after a lost answer): it answered the first result again. */
  replayed: boolean;
}

/** The header row a distributions CSV file starts with. */
export const IMPORT_CSV_COLUMNS = DISTRIBUTION_IMPORT_COLUMNS;

/** What `POST /distributions/import` answers when every row was good. */
export interface ImportResult {
  imported: number;
  /** Rows whose client id was recorded before: a file sent twice records each row once. */
  skipped: number;
}

/** One bad cell of the file; `row` is the line number in the file, header included. */
export interface ImportRowError {
  row: number;
  column: string;
  /** English; `code` and `params` say it in the user's language (`problem.<code>`). */
  reason: string;
  code?: string;
  params?: ProblemParams;
}

export type ImportEvent =
  | { kind: 'progress'; sent: number; total: number | undefined }
  | { kind: 'done'; result: ImportResult };

/** The file was refused as a whole (422): nothing was recorded, and these cells say why. */
export class ImportRejectedError extends ProblemError {
  constructor(
    problem: Problem,
    readonly rowErrors: readonly ImportRowError[],
  ) {
    super(problem);
    this.name = 'ImportRejectedError';
  }
}

export const IMPORT_INVALID_CODE = 'distribution.import_invalid';
// The replay rule's one code, from the contract.
export { KEY_REUSED_CODE } from '@relief-ledger/domain';
export const STOCK_INSUFFICIENT_CODE = 'stock.insufficient';

/**
 * Distributions: logging one, the list and its totals, and importing a CSV file. Every call fails
 * with a `ProblemError`.
 */
@Injectable({ providedIn: 'root' })
export class DistributionsApi {
  private readonly http = inject(HttpClient);

  /**
   * Send the same `clientId` again after a failure: the server records a distribution once per
   * client id, and answers a re-send with the first result.
   */
  recordDistribution(request: CreateDistributionRequest & { clientId: string }): Observable<RecordedDistribution> {
    return this.http.post<unknown>(`${API}/distributions`, request, { observe: 'response' }).pipe(
      map((response) => ({
        distribution: readDistributionOrThrow(response.body),
        replayed: response.headers.get('Idempotent-Replayed') === 'true',
      })),
      catchError(rethrowAsProblem),
    );
  }

  listDistributions(query: DistributionListQuery = {}): Observable<Page<DistributionResponse>> {
    return this.http
      .get<unknown>(`${API}/distributions`, { params: toParams({ ...query, pageSize: clampPageSize(query.pageSize) }) })
      .pipe(
        map((body) => readPageOrThrow(body, readDistributionOrThrow)),
        catchError(rethrowAsProblem),
      );
  }

  listTotals(query: DistributionTotalsQuery = {}): Observable<DistributionTotal[]> {
    return this.http.get<unknown>(`${API}/distributions/totals`, { params: toParams({ ...query }) }).pipe(
      map((body) => {
        if (!Array.isArray(body)) throw unexpectedAnswer('distribution totals');
        return body.map(readTotalOrThrow);
      }),
      catchError(rethrowAsProblem),
    );
  }

  /**
   * Uploads a CSV file, reporting how much has been sent. The page that calls this must run on an
   * XHR-backed HttpClient (see `provideUploadProgressHttp`): fetch cannot report upload progress.
   * Fails with `ImportRejectedError` when the file has bad rows, else with a `ProblemError`.
   */
  importCsv(file: Blob): Observable<ImportEvent> {
    return this.http
      .post<unknown>(`${API}/distributions/import`, file, {
        headers: new HttpHeaders({ 'Content-Type': 'text/csv' }),
        observe: 'events',
        reportProgress: true,
      })
      .pipe(
        filter((event) => event.type === HttpEventType.UploadProgress || event.type === HttpEventType.Response),
        map((event): ImportEvent => {
          if (event.type === HttpEventType.UploadProgress) return { kind: 'progress', sent: event.loaded, total: event.total };
          if (event.type !== HttpEventType.Response) throw unexpectedAnswer('an upload event');
          return { kind: 'done', result: readImportResultOrThrow(event.body) };
        }),
        catchError(rethrowImportProblem),
      );
  }
}

/** A distribution as an outbox entry: what the form hands the outbox when the person presses Log. */
export function distributionDraft(request: CreateDistributionRequest & { clientId: string }, summary: string): OutboxDraft {
  return { kind: 'distribution', url: `${API}/distributions`, body: { ...request }, summary };
}

/** The server's answer to a distribution the outbox sent. */
export function readSentDistribution(answer: OutboxAnswer): DistributionResponse {
  return readDistributionOrThrow(answer.body);
}

// The general reader keeps only `{ field, reason }` errors; an import's are `{ row, column, reason }`.
function rethrowImportProblem(error: unknown): Observable<never> {
  const problem = toProblem(error);
  if (problem.code === IMPORT_INVALID_CODE && error instanceof HttpErrorResponse && isRecord(error.error)) {
    const rows = Array.isArray(error.error['errors']) ? error.error['errors'] : [];
    const rowErrors = rows.filter(isImportRowError).map(({ row, column, reason, code, params }) => ({
      row,
      column: column ?? '',
      reason,
      ...(typeof code === 'string' ? { code } : {}),
      ...(isRecord(params) ? { params: params as ProblemParams } : {}),
    }));
    return throwError(() => new ImportRejectedError(problem, rowErrors));
  }
  return throwError(() => new ProblemError(problem));
}

// A problem with the file as a whole (no header row, say) may come without a column.
function isImportRowError(value: unknown): value is { row: number; column?: string | null; reason: string; code?: unknown; params?: unknown } {
  if (!isRecord(value) || !hasNumbers(value, ['row']) || !hasStrings(value, ['reason'])) return false;
  const column = value['column'];
  return column === undefined || column === null || typeof column === 'string';
}

function readImportResultOrThrow(value: unknown): ImportResult {
  if (!isRecord(value) || !hasNumbers(value, ['imported', 'skipped'])) throw unexpectedAnswer('an import result');
  return { imported: value['imported'] as number, skipped: value['skipped'] as number };
}

function readDistributionOrThrow(value: unknown): DistributionResponse {
  if (
    !isRecord(value) ||
    !hasStrings(value, ['id', 'clientId', 'itemId', 'stockPointId', 'distributedAt']) ||
    !hasNumbers(value, ['quantity', 'households', 'people', 'stockLeft'])
  ) {
    throw unexpectedAnswer('a distribution');
  }
  return value as unknown as DistributionResponse;
}

function readTotalOrThrow(value: unknown): DistributionTotal {
  if (
    !isRecord(value) ||
    !hasStrings(value, ['itemId', 'itemCode']) ||
    !hasNumbers(value, ['quantity', 'households', 'people', 'distributions'])
  ) {
    throw unexpectedAnswer('a distribution total');
  }
  return value as unknown as DistributionTotal;
}
