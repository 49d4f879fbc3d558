import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import {
  CAMP_STATUSES,
  CampCoverageResponse,
  CampListQuery,
  CampResponse,
  CloseCampRequest,
  CreateCampRequest,
  Page,
  UpdateCampRequest,
} from '@relief-ledger/domain';
import { catchError, map, Observable } from 'rxjs';

import { clampPageSize, toParams } from '../core/http/query-params';
import { hasNumbers, hasStrings, isRecord, readPageOrThrow, unexpectedAnswer } from '../core/http/read-json';
import { rethrowAsProblem } from '../core/problems/to-problem';

const API = '/api/v1';

/** The camps endpoints; locations to pick from are in `LookupsApi`. Every call fails with a `ProblemError`. */
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

  /** Shelter and food coverage worked out from the ledger, with the Sphere references it is measured against. */
  getCoverage(id: string): Observable<CampCoverageResponse> {
    return this.http.get<unknown>(`${API}/camps/${encodeURIComponent(id)}/coverage`).pipe(
      map(readCoverageOrThrow),
      catchError(rethrowAsProblem),
    );
  }
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

function readCoverageOrThrow(value: unknown): CampCoverageResponse {
  if (
    !isRecord(value) ||
    !hasStrings(value, ['campId']) ||
    !hasNumbers(value, ['households', 'population']) ||
    !isRecord(value['shelter']) ||
    !hasNumbers(value['shelter'], ['tentsOnSite', 'tentsNeeded', 'coveredShare']) ||
    !isRecord(value['food']) ||
    !hasNumbers(value['food'], ['packages', 'personDays', 'days']) ||
    !isRecord(value['sphere']) ||
    !hasNumbers(value['sphere'], ['coveredSpacePerPersonM2', 'kcalPerPersonPerDay', 'waterLitresPerPersonPerDay', 'personsPerFamilyTent'])
  ) {
    throw unexpectedAnswer('camp coverage');
  }
  return value as unknown as CampCoverageResponse;
}

