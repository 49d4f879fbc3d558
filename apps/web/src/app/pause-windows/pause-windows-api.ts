import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { CreatePauseWindowRequest, Page, PAUSE_WINDOW_STATUSES, PauseWindowListQuery, PauseWindowResponse } from '@relief-ledger/domain';
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

  getWindow(id: string): Observable<PauseWindowResponse> {
    return this.http.get<unknown>(`${API}/${encodeURIComponent(id)}`).pipe(map(readWindowOrThrow), catchError(rethrowAsProblem));
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
