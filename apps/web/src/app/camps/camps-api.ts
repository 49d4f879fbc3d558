import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import {
  CAMP_STATUSES,
  CampListQuery,
  CampResponse,
  CloseCampRequest,
  CreateCampRequest,
  LocationListQuery,
  LocationResponse,
  OrganisationResponse,
  Page,
  PAGE_SIZE_MAX,
  UpdateCampRequest,
} from '@relief-ledger/domain';
import { catchError, map, Observable, throwError } from 'rxjs';

import { hasNumbers, hasStrings, isRecord, readPageOrThrow, unexpectedAnswer } from '../core/http/read-json';
import { ProblemError } from '../core/problems/problem-error';
import { toProblem } from '../core/problems/to-problem';

const API = '/api/v1';

/**
 * The camps endpoints, plus the organisation and location look-ups the camp form needs (they move to
 * `shared/` when a second feature picks locations). Every call fails with a `ProblemError`.
 */
@Injectable({ providedIn: 'root' })
export class CampsApi {
  private readonly http = inject(HttpClient);

  listCamps(query: CampListQuery = {}): Observable<Page<CampResponse>> {
    return this.http
      .get<unknown>(`${API}/camps`, { params: toParams({ ...query, pageSize: clampPageSize(query.pageSize) }) })
      .pipe(
        map((body) => readPageOrThrow(body, readCampOrThrow)),
        catchError(rethrowAsProblem),
      );
  }

  getCamp(id: string): Observable<CampResponse> {
    return this.http.get<unknown>(`${API}/camps/${encodeURIComponent(id)}`).pipe(
      map(readCampOrThrow),
      catchError(rethrowAsProblem),
    );
  }

  createCamp(request: CreateCampRequest): Observable<CampResponse> {
    return this.http.post<unknown>(`${API}/camps`, request).pipe(map(readCampOrThrow), catchError(rethrowAsProblem));
  }

  updateCamp(id: string, request: UpdateCampRequest): Observable<CampResponse> {
    return this.http
      .patch<unknown>(`${API}/camps/${encodeURIComponent(id)}`, request)
      .pipe(map(readCampOrThrow), catchError(rethrowAsProblem));
  }

  closeCamp(id: string, request: CloseCampRequest): Observable<CampResponse> {
    return this.http
      .post<unknown>(`${API}/camps/${encodeURIComponent(id)}/close`, request)
      .pipe(map(readCampOrThrow), catchError(rethrowAsProblem));
  }

  listLocations(query: LocationListQuery = {}): Observable<Page<LocationResponse>> {
    return this.http
      .get<unknown>(`${API}/locations`, { params: toParams({ ...query, pageSize: clampPageSize(query.pageSize) }) })
      .pipe(
        map((body) => readPageOrThrow(body, readLocationOrThrow)),
        catchError(rethrowAsProblem),
      );
  }

  listOrganisations(): Observable<OrganisationResponse[]> {
    return this.http.get<unknown>(`${API}/organisations`).pipe(
      map((body) => {
        if (!Array.isArray(body)) throw unexpectedAnswer('a list of organisations');
        return body.map(readOrganisationOrThrow);
      }),
      catchError(rethrowAsProblem),
    );
  }
}

function rethrowAsProblem(error: unknown): Observable<never> {
  return throwError(() => new ProblemError(toProblem(error)));
}

function clampPageSize(pageSize: number | undefined): number | undefined {
  return pageSize === undefined ? undefined : Math.min(Math.max(1, Math.trunc(pageSize)), PAGE_SIZE_MAX);
}

/** Query parameters without the empty ones, so `?name=&status=` never reaches the API. */
function toParams(query: Record<string, string | number | undefined>): HttpParams {
  let params = new HttpParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    const text = String(value).trim();
    if (text !== '') params = params.set(key, text);
  }
  return params;
}

function readCampOrThrow(value: unknown): CampResponse {
  if (
    !isRecord(value) ||
    !hasStrings(value, ['id', 'nameEn', 'nameAr', 'organisationId', 'locationId']) ||
    !hasNumbers(value, ['population', 'households', 'capacity', 'version']) ||
    !(CAMP_STATUSES as readonly unknown[]).includes(value['status'])
  ) {
    throw unexpectedAnswer('a camp');
  }
  return value as unknown as CampResponse;
}

function readLocationOrThrow(value: unknown): LocationResponse {
  if (!isRecord(value) || !hasStrings(value, ['id', 'pcode', 'level', 'nameEn', 'nameAr'])) {
    throw unexpectedAnswer('a location');
  }
  return value as unknown as LocationResponse;
}

function readOrganisationOrThrow(value: unknown): OrganisationResponse {
  if (!isRecord(value) || !hasStrings(value, ['id', 'name'])) throw unexpectedAnswer('an organisation');
  return value as unknown as OrganisationResponse;
}
