import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { CreateRouteRequest, RouteResponse } from '@relief-ledger/domain';
import { catchError, map, Observable } from 'rxjs';

import { rethrowAsProblem } from '../core/problems/to-problem';
import { readRouteOrThrow } from '../shared/lookups/lookups-api';

const API = '/api/v1/routes';

/**
 * Making a route, shared by every organisation; the list comes from `LookupsApi.listRoutes`, which
 * the forms choosing a route use too. Fails with a `ProblemError`: a name already taken is a 409
 * naming `name`, a location the gazetteer does not have a 422 naming `locationIds`.
 */
@Injectable({ providedIn: 'root' })
export class RoutesApi {
  private readonly http = inject(HttpClient);

  createRoute(request: CreateRouteRequest): Observable<RouteResponse> {
    return this.http.post<unknown>(API, request).pipe(map(readRouteOrThrow), catchError(rethrowAsProblem));
  }
}
