import { provideHttpClient, withFetch } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';

import { ProblemError } from '../core/problems/problem-error';
import { ROUTE_ID } from '../shared/lookups/testing/lookup-fixtures';
import { IncidentsApi } from './incidents-api';
import { aPage, anIncident } from './testing/incident-fixtures';

describe('IncidentsApi', () => {
  let sut: IncidentsApi;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(withFetch()), provideHttpClientTesting()] });
    sut = TestBed.inject(IncidentsApi);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('asks for the incidents of a kind on a route in a time window', async () => {
    const answer = firstValueFrom(
      sut.listIncidents({ kind: 'airstrike', routeId: ROUTE_ID, from: '2019-12-22T22:00:00.000Z', to: '2019-12-23T22:00:00.000Z', page: 1 }),
    );

    http
      .expectOne(`/api/v1/incidents?kind=airstrike&routeId=${ROUTE_ID}&from=2019-12-22T22:00:00.000Z&to=2019-12-23T22:00:00.000Z&page=1`)
      .flush(aPage([anIncident()]));

    expect((await answer).items[0].injured).toBe(4);
  });

  it('refuses an incident of a kind it does not know', async () => {
    const answer = firstValueFrom(sut.listIncidents());

    http.expectOne('/api/v1/incidents').flush(aPage([anIncident({ kind: 'flood' as never })]));

    await expect(answer).rejects.toBeInstanceOf(ProblemError);
  });

  it('reports an incident with its client id, and says when the server had it already', async () => {
    const request = { clientId: '6f1d0c1e-3b7a-4f55-9d0e-8f0c2a1b4c5d', kind: 'shelling' as const, routeId: ROUTE_ID, description: 'Shelling near Ariha' };
    const answer = firstValueFrom(sut.reportIncident(request));

    const sent = http.expectOne({ method: 'POST', url: '/api/v1/incidents' });
    expect(sent.request.body).toEqual(request);
    sent.flush(anIncident({ kind: 'shelling' }), { status: 201, statusText: 'Created', headers: { 'Idempotent-Replayed': 'true' } });

    expect(await answer).toMatchObject({ incident: { kind: 'shelling' }, replayed: true });
  });

  it('reads one incident', async () => {
    const answer = firstValueFrom(sut.getIncident('incident-1'));

    http.expectOne('/api/v1/incidents/incident-1').flush(anIncident());

    expect((await answer).place).toContain('Ariha');
  });
});
