import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import {
  CorrectPauseWindowRequest,
  CreatePauseWindowRequest,
  EndPauseWindowRequest,
  Page,
  PAUSE_WINDOW_STATUSES,
  PauseWindowDetailResponse,
  PauseWindowListQuery,
  PauseWindowResponse,
} from '@relief-ledger/domain';
import { catchError, map, Observable } from 'rxjs';

import { clampPageSize, toParams } from '../core/http/query-params';
import { hasStrings, isRecord, readPageOrThrow, unexpectedAnswer } from '../core/http/read-json';
import { rethrowAsProblem } from '../core/problems/to-problem';

const API = '/api/v1/pause-windows';

/**
 * Pause windows, shared by every organisation. Every call fails with a `ProblemError`; a time
 * that cannot be placed on the zone's clock as given is a 422 naming `start.time` or `end.time`.
 */
@Injectable({ providedIn: 'root' })
export class PauseWindowsApi {
  private readonly http = inject(HttpClient);

  /** In force first, then upcoming, then the rest, newest first. */
  listWindows(query: PauseWindowListQuery = {}): Observable<Page<PauseWindowResponse>> {
    return this.http.get<unknown>(API, { params: toParams({ ...query, pageSize: clampPageSize(query.pageSize) }) }).pipe(
      map((body) => readPageOrThrow(body, readWindowOrThrow)),
      catchError(rethrowAsProblem),
    );
  }

  /** The window with its history (entered, ended early, corrected), oldest first. */
  getWindow(id: string): Observable<PauseWindowDetailResponse> {
    return this.http.get<unknown>(`${API}/${encodeURIComponent(id)}`).pipe(map(readWindowDetailOrThrow), catchError(rethrowAsProblem));
  }

  /**
   * News that the window ended before its announced end. `key` is made when the person confirms,
   * so a re-send after a dropped answer is recorded once; a stale `version` is a 409.
   */
  endWindow(id: string, request: EndPauseWindowRequest & { version: number }, key: string): Observable<PauseWindowDetailResponse> {
    return this.http
      .post<unknown>(`${API}/${encodeURIComponent(id)}/end`, request, { headers: { 'Idempotency-Key': key } })
      .pipe(map(readWindowDetailOrThrow), catchError(rethrowAsProblem));
  }

  /** The window entered again as it should have been, with the reason; a stale `version` is a 409. */
  correctWindow(id: string, request: CorrectPauseWindowRequest & { version: number }, key: string): Observable<PauseWindowDetailResponse> {
    return this.http
      .post<unknown>(`${API}/${encodeURIComponent(id)}/corrections`, request, { headers: { 'Idempotency-Key': key } })
      .pipe(map(readWindowDetailOrThrow), catchError(rethrowAsProblem));
  }

  announceWindow(request: CreatePauseWindowRequest): Observable<PauseWindowResponse> {
    return this.http.post<unknown>(API, request).pipe(map(readWindowOrThrow), catchError(rethrowAsProblem));
  }
}

export function readWindowOrThrow(value: unknown): PauseWindowResponse {
  if (
    !isRecord(value) ||
    !hasStrings(value, ['id', 'announcedBy', 'zone', 'startsAt', 'endsAt']) ||
    !(PAUSE_WINDOW_STATUSES as readonly unknown[]).includes(value['status']) ||
    !Array.isArray(value['routes']) ||
    !Array.isArray(value['areas'])
  ) {
    throw unexpectedAnswer('a pause window');
  }
  return value as unknown as PauseWindowResponse;
}

export function readWindowDetailOrThrow(value: unknown): PauseWindowDetailResponse {
  const window = readWindowOrThrow(value);
  const history = (value as Record<string, unknown>)['history'];
  if (!Array.isArray(history) || !history.every((event) => isRecord(event) && hasStrings(event, ['id', 'kind', 'recordedAt', 'recordedByOrganisation']) && Array.isArray(event['changes']))) {
    throw unexpectedAnswer('a pause window');
  }
  return window as PauseWindowDetailResponse;
}
