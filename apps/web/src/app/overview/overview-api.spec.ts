import { provideHttpClient, withFetch } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';

import { ProblemError } from '../core/problems/problem-error';
import { OverviewApi } from './overview-api';
import { anOverview, anOverviewCamp, aStockAlert } from './testing/overview-fixtures';

describe('OverviewApi', () => {
  let sut: OverviewApi;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(withFetch()), provideHttpClientTesting()] });
    sut = TestBed.inject(OverviewApi);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('reads the overview', async () => {
    const answer = firstValueFrom(sut.getOverview());

    http.expectOne({ method: 'GET', url: '/api/v1/overview' }).flush(anOverview());

    expect(await answer).toEqual(anOverview());
  });

  it.each([
    ['without its windows', { windows: undefined }],
    ['with a convoy it does not understand', { convoys: { own: [{ id: 'c' }], othersByStatus: {} } }],
    ['with a camp without its shelter', { camps: [{ ...anOverviewCamp(), shelter: null }] }],
    ['with a stock alert without its level', { stockAlerts: [{ ...aStockAlert(), level: '12' }] }],
    ['without the people reached', { peopleReached: { thisWeek: 1 } }],
  ])('refuses an overview %s', async (_case, change) => {
    const answer = firstValueFrom(sut.getOverview());

    http.expectOne('/api/v1/overview').flush({ ...anOverview(), ...change });

    await expect(answer).rejects.toBeInstanceOf(ProblemError);
  });

  it('fails with the problem the server sent', async () => {
    const answer = firstValueFrom(sut.getOverview());

    http.expectOne('/api/v1/overview').flush({ type: 'about:blank', title: 'Forbidden', status: 403 }, { status: 403, statusText: 'Forbidden' });

    await expect(answer).rejects.toMatchObject({ problem: { status: 403, title: 'Forbidden' } });
  });
});
