import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { FieldKitResponse } from '@relief-ledger/domain';
import { catchError, map, Observable } from 'rxjs';

import { hasStrings, isRecord, unexpectedAnswer } from '../../core/http/read-json';
import { rethrowAsProblem } from '../../core/problems/to-problem';

const LISTS: readonly (keyof FieldKitResponse)[] = ['camps', 'items', 'stockPoints', 'convoys', 'windowsInForce'];

/** The field screens' data in one request (`GET /api/v1/field-kit`). Fails with a `ProblemError`. */
@Injectable({ providedIn: 'root' })
export class FieldKitApi {
  private readonly http = inject(HttpClient);

  getFieldKit(): Observable<FieldKitResponse> {
    return this.http.get<unknown>('/api/v1/field-kit').pipe(map(readFieldKitOrThrow), catchError(rethrowAsProblem));
  }
}

/** Also checks a copy read back from this phone's storage, which an older version of the app may have written. */
export function readFieldKitOrThrow(body: unknown): FieldKitResponse {
  if (!isRecord(body) || !hasStrings(body, ['asOf', 'zone']) || LISTS.some((key) => !Array.isArray(body[key]))) {
    throw unexpectedAnswer('a field kit');
  }
  return body as unknown as FieldKitResponse;
}
