import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import {
  CAMP_STATUSES,
  CampStatus,
  ITEM_KINDS,
  ItemResponse,
  LocationListQuery,
  LocationResponse,
  Page,
  PAGE_SIZE_MAX,
  RouteResponse,
  STOCK_POINT_KINDS,
  StockPointResponse,
} from '@relief-ledger/domain';
import { catchError, forkJoin, map, Observable, of, switchMap } from 'rxjs';

import { clampPageSize, toParams } from '../../core/http/query-params';
import { hasStrings, isRecord, readPageOrThrow, unexpectedAnswer } from '../../core/http/read-json';
import { rethrowAsProblem } from '../../core/problems/to-problem';

const API = '/api/v1';

/** A camp as a form offers it to choose from. */
export interface CampChoice {
  id: string;
  nameEn: string;
  nameAr: string;
  status: CampStatus;
}

/**
 * What the screens let people pick from: the item catalogue, the organisation's stock points and
 * its camps, the routes and the locations. Several features use each, so they live here rather
 * than in one feature's API service. Every call fails with a `ProblemError`.
 */
@Injectable({ providedIn: 'root' })
export class LookupsApi {
  private readonly http = inject(HttpClient);

  listItems(): Observable<ItemResponse[]> {
    return this.http.get<unknown>(`${API}/items`).pipe(
      map((body) => readListOrThrow(body, readItemOrThrow)),
      catchError(rethrowAsProblem),
    );
  }

  /** The stock points of the signed-in user's organisation. */
  listStockPoints(): Observable<StockPointResponse[]> {
    return this.http.get<unknown>(`${API}/stock-points`).pipe(
      map((body) => readListOrThrow(body, readStockPointOrThrow)),
      catchError(rethrowAsProblem),
    );
  }

  /**
   * Every camp of the signed-in user's organisation, all pages of it: a select that silently
   * missed the 101st camp would have people log against the wrong one.
   */
  listCamps(): Observable<CampChoice[]> {
    return this.campPage(1).pipe(
      switchMap((first) => {
        const pages = Math.ceil(first.total / PAGE_SIZE_MAX);
        if (pages <= 1) return of(first.items);
        const rest = Array.from({ length: pages - 1 }, (_, index) => this.campPage(index + 2));
        return forkJoin(rest).pipe(map((others) => [first, ...others].flatMap((page) => page.items)));
      }),
      catchError(rethrowAsProblem),
    );
  }

  /** The roads convoys travel, shared by every organisation. */
  listRoutes(): Observable<RouteResponse[]> {
    return this.http.get<unknown>(`${API}/routes`).pipe(
      map((body) => readListOrThrow(body, readRouteOrThrow)),
      catchError(rethrowAsProblem),
    );
  }

  /** Locations whose English or Arabic name contains `name`, at any level unless asked for one. */
  listLocations(query: LocationListQuery = {}): Observable<Page<LocationResponse>> {
    return this.http
      .get<unknown>(`${API}/locations`, { params: toParams({ ...query, pageSize: clampPageSize(query.pageSize) }) })
      .pipe(
        map((body) => readPageOrThrow(body, readLocationOrThrow)),
        catchError(rethrowAsProblem),
      );
  }

  /**
   * Donors named on earlier receipts whose name contains `q` (any when empty), to suggest while
   * typing: the same donor spelt two ways would split a donor report in two.
   */
  listDonors(q = ''): Observable<string[]> {
    return this.http.get<unknown>(`${API}/stock/donors`, { params: toParams({ q }) }).pipe(
      map((body) => {
        if (!Array.isArray(body) || body.some((donor) => typeof donor !== 'string')) throw unexpectedAnswer('a list of donors');
        return body as string[];
      }),
      catchError(rethrowAsProblem),
    );
  }

  private campPage(page: number): Observable<Page<CampChoice>> {
    return this.http
      .get<unknown>(`${API}/camps`, { params: toParams({ page, pageSize: PAGE_SIZE_MAX }) })
      .pipe(map((body) => readPageOrThrow(body, readCampChoiceOrThrow)));
  }
}

function readListOrThrow<T>(body: unknown, readItem: (item: unknown) => T): T[] {
  if (!Array.isArray(body)) throw unexpectedAnswer('a list');
  return body.map(readItem);
}

export function readItemOrThrow(value: unknown): ItemResponse {
  if (
    !isRecord(value) ||
    !hasStrings(value, ['id', 'code', 'nameEn', 'nameAr', 'unit']) ||
    !(ITEM_KINDS as readonly unknown[]).includes(value['kind'])
  ) {
    throw unexpectedAnswer('an item');
  }
  return value as unknown as ItemResponse;
}

export function readStockPointOrThrow(value: unknown): StockPointResponse {
  if (
    !isRecord(value) ||
    !hasStrings(value, ['id', 'name', 'locationId']) ||
    !(STOCK_POINT_KINDS as readonly unknown[]).includes(value['kind'])
  ) {
    throw unexpectedAnswer('a stock point');
  }
  return value as unknown as StockPointResponse;
}

export function readRouteOrThrow(value: unknown): RouteResponse {
  if (!isRecord(value) || !hasStrings(value, ['id', 'name', 'timeZone']) || !Array.isArray(value['stops'])) {
    throw unexpectedAnswer('a route');
  }
  return value as unknown as RouteResponse;
}

function readLocationOrThrow(value: unknown): LocationResponse {
  if (!isRecord(value) || !hasStrings(value, ['id', 'pcode', 'level', 'nameEn', 'nameAr'])) {
    throw unexpectedAnswer('a location');
  }
  return value as unknown as LocationResponse;
}

function readCampChoiceOrThrow(value: unknown): CampChoice {
  if (
    !isRecord(value) ||
    !hasStrings(value, ['id', 'nameEn', 'nameAr']) ||
    !(CAMP_STATUSES as readonly unknown[]).includes(value['status'])
  ) {
    throw unexpectedAnswer('a camp');
  }
  return { id: value['id'] as string, nameEn: value['nameEn'] as string, nameAr: value['nameAr'] as string, status: value['status'] as CampStatus };
}
