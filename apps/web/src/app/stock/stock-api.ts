import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import {
  AdjustmentRequest,
  CreateStockPointRequest,
  LossRequest,
  MOVEMENT_KINDS,
  MovementResponse,
  Page,
  ReceiptRequest,
  RenameStockPointRequest,
  ReversalRequest,
  StockLevelResponse,
  StockPointResponse,
  TransferRequest,
} from '@relief-ledger/domain';
import { catchError, map, Observable } from 'rxjs';

import { clampPageSize, toParams } from '../core/http/query-params';
import { hasNumbers, hasStrings, isRecord, readPageOrThrow, unexpectedAnswer } from '../core/http/read-json';
import { rethrowAsProblem } from '../core/problems/to-problem';
import { readStockPointOrThrow } from '../shared/lookups/lookups-api';

const API = '/api/v1';

export interface LedgerQuery {
  itemId: string;
  page?: number;
  pageSize?: number;
}

/**
 * Stock levels, the movement ledger and the movements that change them. The item catalogue and
 * the list of stock points are in `LookupsApi`, which distributions use too. Every call fails with a
 * `ProblemError`; not enough stock is a 409 whose detail says how much is available.
 */
@Injectable({ providedIn: 'root' })
export class StockApi {
  private readonly http = inject(HttpClient);

  createStockPoint(request: CreateStockPointRequest): Observable<StockPointResponse> {
    return this.http.post<unknown>(`${API}/stock-points`, request).pipe(map(readStockPointOrThrow), catchError(rethrowAsProblem));
  }

  /** A new name at the version last read; someone else's change in between is a 409 `stock.stale_version`. */
  renameStockPoint(stockPointId: string, request: RenameStockPointRequest): Observable<StockPointResponse> {
    return this.http
      .patch<unknown>(`${API}/stock-points/${encodeURIComponent(stockPointId)}`, request)
      .pipe(map(readStockPointOrThrow), catchError(rethrowAsProblem));
  }

  listLevels(stockPointId: string): Observable<StockLevelResponse[]> {
    return this.http.get<unknown>(`${API}/stock-points/${encodeURIComponent(stockPointId)}/levels`).pipe(
      map((body) => {
        if (!Array.isArray(body)) throw unexpectedAnswer('a list of stock levels');
        return body.map(readLevelOrThrow);
      }),
      catchError(rethrowAsProblem),
    );
  }

  /** One item's movements at the stock point, newest first, each with the level right after it. */
  listLedger(stockPointId: string, query: LedgerQuery): Observable<Page<MovementResponse>> {
    return this.http
      .get<unknown>(`${API}/stock-points/${encodeURIComponent(stockPointId)}/ledger`, {
        params: toParams({ ...query, pageSize: clampPageSize(query.pageSize) }),
      })
      .pipe(
        map((body) => readPageOrThrow(body, readMovementOrThrow)),
        catchError(rethrowAsProblem),
      );
  }

  receive(request: ReceiptRequest): Observable<MovementResponse> {
    return this.http.post<unknown>(`${API}/stock/receipts`, request).pipe(map(readMovementOrThrow), catchError(rethrowAsProblem));
  }

  /** Both legs, recorded together: out of the source, into the destination. */
  transfer(request: TransferRequest): Observable<MovementResponse[]> {
    return this.http.post<unknown>(`${API}/stock/transfers`, request).pipe(
      map((body) => {
        if (!Array.isArray(body)) throw unexpectedAnswer('a transfer');
        return body.map(readMovementOrThrow);
      }),
      catchError(rethrowAsProblem),
    );
  }

  recordLoss(request: LossRequest): Observable<MovementResponse> {
    return this.http.post<unknown>(`${API}/stock/losses`, request).pipe(map(readMovementOrThrow), catchError(rethrowAsProblem));
  }

  recordCount(request: AdjustmentRequest): Observable<MovementResponse> {
    return this.http.post<unknown>(`${API}/stock/adjustments`, request).pipe(map(readMovementOrThrow), catchError(rethrowAsProblem));
  }

  reverseMovement(movementId: string, request: ReversalRequest): Observable<MovementResponse> {
    return this.http
      .post<unknown>(`${API}/stock/movements/${encodeURIComponent(movementId)}/reverse`, request)
      .pipe(map(readMovementOrThrow), catchError(rethrowAsProblem));
  }
}

function readLevelOrThrow(value: unknown): StockLevelResponse {
  if (
    !isRecord(value) ||
    !hasStrings(value, ['stockPointId', 'itemId', 'itemCode', 'itemName', 'unit']) ||
    !hasNumbers(value, ['quantity'])
  ) {
    throw unexpectedAnswer('a stock level');
  }
  return value as unknown as StockLevelResponse;
}

function readMovementOrThrow(value: unknown): MovementResponse {
  if (
    !isRecord(value) ||
    !hasStrings(value, ['id', 'stockPointId', 'itemId', 'recordedAt']) ||
    !hasNumbers(value, ['quantity', 'balance']) ||
    !(MOVEMENT_KINDS as readonly unknown[]).includes(value['kind'])
  ) {
    throw unexpectedAnswer('a stock movement');
  }
  return value as unknown as MovementResponse;
}
