import { provideHttpClient, withFetch } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';

import { ProblemError } from '../core/problems/problem-error';
import { aRoute, ROUTE_ID } from '../shared/lookups/testing/lookup-fixtures';
import { RoutesApi } from './routes-api';

describe('RoutesApi', () => {
  let sut: RoutesApi;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(withFetch()), provideHttpClientTesting()] });
    sut = TestBed.inject(RoutesApi);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('creates a route from its locations in travel order', async () => {
    const request = { name: "Ma'arat al-Num'an to Sarmada", locationIds: ['loc-maarat', 'loc-ariha', 'loc-sarmada'] };
    const answer = firstValueFrom(sut.createRoute(request));

    const sent = http.expectOne({ method: 'POST', url: '/api/v1/routes' });
    expect(sent.request.body).toEqual(request);
    sent.flush(aRoute(), { status: 201, statusText: 'Created' });

    expect((await answer).id).toBe(ROUTE_ID);
  });

  it('fails with the reason under name when a route of that name exists', async () => {
    const answer = firstValueFrom(sut.createRoute({ name: 'Sarmada to Atmeh border', locationIds: ['a', 'b'] }));

    const reason = 'a route named "Sarmada to Atmeh border" already exists';
    http
      .expectOne('/api/v1/routes')
      .flush(
        { type: 'about:blank', title: 'Route already exists', status: 409, code: 'route.duplicate_name', errors: [{ field: 'name', reason }] },
        { status: 409, statusText: 'Conflict' },
      );

    await expect(answer).rejects.toMatchObject({ problem: { status: 409, errors: [{ field: 'name', reason }] } });
  });

  it('refuses an answer that is not a route', async () => {
    const answer = firstValueFrom(sut.createRoute({ name: 'x', locationIds: ['a', 'b'] }));

    http.expectOne('/api/v1/routes').flush({ id: ROUTE_ID, name: 'x' }, { status: 201, statusText: 'Created' });

    await expect(answer).rejects.toBeInstanceOf(ProblemError);
  });
});
