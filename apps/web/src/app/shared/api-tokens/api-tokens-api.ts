import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { ApiTokenResponse, CreateApiTokenRequest, CreatedApiTokenResponse, Page } from '@relief-ledger/domain';
import { catchError, map, Observable } from 'rxjs';

import { clampPageSize, PageQuery, toParams } from '../../core/http/query-params';
import { hasStrings, isRecord, readPageOrThrow, unexpectedAnswer } from '../../core/http/read-json';
import { rethrowAsProblem } from '../../core/problems/to-problem';

const API = '/api/v1';

/**
 * API tokens, for scripts and other tools that call the API as the person who made the token.
 * The API decides whose are listed and may be revoked: an administrator's are every token of the
 * organisation, a manager's only their own. Every call fails with a `ProblemError`.
 */
@Injectable({ providedIn: 'root' })
export class ApiTokensApi {
  private readonly http = inject(HttpClient);

  listApiTokens(query: PageQuery = {}): Observable<Page<ApiTokenResponse>> {
    return this.http
      .get<unknown>(`${API}/api-tokens`, { params: toParams({ ...query, pageSize: clampPageSize(query.pageSize) }) })
      .pipe(
        map((body) => readPageOrThrow(body, readApiTokenOrThrow)),
        catchError(rethrowAsProblem),
      );
  }

  /** The answer carries the token itself, this once. */
  createApiToken(request: CreateApiTokenRequest): Observable<CreatedApiTokenResponse> {
    return this.http.post<unknown>(`${API}/api-tokens`, request).pipe(
      map((body) => {
        const token = readApiTokenOrThrow(body);
        if (typeof (body as Record<string, unknown>)['token'] !== 'string') throw unexpectedAnswer('a new API token');
        return token as CreatedApiTokenResponse;
      }),
      catchError(rethrowAsProblem),
    );
  }

  revokeApiToken(id: string): Observable<ApiTokenResponse> {
    return this.http
      .post<unknown>(`${API}/api-tokens/${encodeURIComponent(id)}/revoke`, null)
      .pipe(map(readApiTokenOrThrow), catchError(rethrowAsProblem));
  }
}

function readApiTokenOrThrow(value: unknown): ApiTokenResponse {
  if (!isRecord(value) || !hasStrings(value, ['id', 'name', 'userId', 'createdAt'])) throw unexpectedAnswer('an API token');
  return value as unknown as ApiTokenResponse;
}
