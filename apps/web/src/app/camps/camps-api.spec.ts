import { provideHttpClient, withFetch } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Page } from '@relief-ledger/domain';
import { firstValueFrom } from 'rxjs';

import { ProblemError } from '../core/problems/problem-error';
import { NETWORK_FAILURE_MESSAGE } from '../core/problems/to-problem';
import { CampsApi } from './camps-api';
import { aCamp, aPage } from './testing/camp-fixtures';

describe('CampsApi', () => {
  let sut: CampsApi;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(withFetch()), provideHttpClientTesting()],
    });
    sut = TestBed.inject(CampsApi);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  async function failureOf(promise: Promise<unknown>): Promise<ProblemError> {
    try {
      await promise;
    } catch (error) {
      if (error instanceof ProblemError) return error;
      throw error;
    }
    throw new Error('expected the call to fail');
  }

  it('sends the list query as parameters, 1-based page included', async () => {
    const answer = firstValueFrom(sut.listCamps({ name: ' Atmeh ', status: 'open', locationId: 'loc-1', page: 2, pageSize: 50 }));

    const request = http.expectOne((req) => req.url === '/api/v1/camps');
    expect(request.request.method).toBe('GET');
    expect(request.request.params.toString()).toBe('name=Atmeh&status=open&locationId=loc-1&page=2&pageSize=50');
    request.flush(aPage([aCamp()]));
    expect((await answer).items[0].nameEn).toBe('Sarmada North');
  });

  it('leaves out empty and missing parameters', () => {
    sut.listCamps({ name: '  ', page: 1 }).subscribe();

    const request = http.expectOne((req) => req.url === '/api/v1/camps');
    expect(request.request.params.keys()).toEqual(['page']);
    request.flush(aPage([]));
  });

  it('asks for no more than the largest page the API serves', () => {
    sut.listCamps({ pageSize: 500 }).subscribe();

    const request = http.expectOne((req) => req.url === '/api/v1/camps');
    expect(request.request.params.get('pageSize')).toBe('100');
    request.flush(aPage([]));
  });

  it('fails with the field errors of a 400 problem', async () => {
    const problem = {
      type: 'about:blank',
      title: 'Invalid camp',
      status: 400,
      errors: [{ field: 'nameEn', reason: 'nameEn must not be empty' }],
    };
    const answer = firstValueFrom(
      sut.createCamp({
        locationId: 'loc-sarmada',
        nameEn: '',
        nameAr: 'سرمدا',
        population: 0,
        households: 0,
        capacity: 500,
      }),
    );

    http
      .expectOne({ method: 'POST', url: '/api/v1/camps' })
      .flush(problem, { status: 400, statusText: 'Bad Request', headers: { 'Content-Type': 'application/problem+json' } });

    expect((await failureOf(answer)).problem).toEqual(problem);
  });

  it('fails with the network message when the server cannot be reached', async () => {
    const answer = firstValueFrom(sut.getCamp('c-1'));

    http.expectOne('/api/v1/camps/c-1').error(new ProgressEvent('error'));

    expect((await failureOf(answer)).problem.title).toBe(NETWORK_FAILURE_MESSAGE);
  });

  it('refuses an answer that is not a camp', async () => {
    const answer = firstValueFrom(sut.getCamp('c-1'));

    http.expectOne('/api/v1/camps/c-1').flush('<!doctype html><html></html>');

    expect((await failureOf(answer)).problem.title).toContain('does not understand');
  });

  it('refuses a list whose items are not camps', async () => {
    const answer = firstValueFrom(sut.listCamps());

    http.expectOne('/api/v1/camps').flush(aPage([{ id: 'c-1' }]) as Page<unknown>);

    expect((await failureOf(answer)).problem.title).toContain('does not understand');
  });

  it('sends the version with an update', async () => {
    const answer = firstValueFrom(sut.updateCamp('c 1', { version: 3, population: 100 }));

    const request = http.expectOne({ method: 'PATCH', url: '/api/v1/camps/c%201' });
    expect(request.request.body).toEqual({ version: 3, population: 100 });
    request.flush(aCamp({ version: 4 }));
    expect((await answer).version).toBe(4);
  });

  it('closes a camp with its version', () => {
    sut.closeCamp('c-1', { version: 3, closedOn: '2020-01-31' }).subscribe();

    const request = http.expectOne({ method: 'POST', url: '/api/v1/camps/c-1/close' });
    expect(request.request.body).toEqual({ version: 3, closedOn: '2020-01-31' });
    request.flush(aCamp({ status: 'closed', closedOn: '2020-01-31', version: 4 }));
  });
});
