import { HttpEventType } from '@angular/common/http';
import { provideHttpClient, withFetch } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom, lastValueFrom, toArray } from 'rxjs';

import { ProblemError } from '../core/problems/problem-error';
import { ATMEH_CAMP_ID, ATMEH_STORE_ID, FAMILY_TENT_ID } from '../shared/lookups/testing/lookup-fixtures';
import { DistributionsApi, ImportEvent, ImportRejectedError } from './distributions-api';
import { aDistribution, aPage } from './testing/distribution-fixtures';

describe('DistributionsApi', () => {
  let sut: DistributionsApi;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(withFetch()), provideHttpClientTesting()] });
    sut = TestBed.inject(DistributionsApi);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  const request = {
    clientId: '6f1d0c1e-3b7a-4f55-9d0e-8f0c2a1b4c5d',
    campId: ATMEH_CAMP_ID,
    itemId: FAMILY_TENT_ID,
    stockPointId: ATMEH_STORE_ID,
    quantity: 20,
    households: 20,
    people: 100,
  };

  it('posts a distribution with its client id and returns it with the stock left', async () => {
    const answer = firstValueFrom(sut.recordDistribution(request));

    const sent = http.expectOne({ method: 'POST', url: '/api/v1/distributions' });
    expect(sent.request.body).toEqual(request);
    sent.flush(aDistribution(), { status: 201, statusText: 'Created' });

    expect(await answer).toEqual({ distribution: aDistribution(), replayed: false });
  });

  it('says when the server answered a re-send with the distribution it had already recorded', async () => {
    const answer = firstValueFrom(sut.recordDistribution(request));

    http
      .expectOne({ method: 'POST', url: '/api/v1/distributions' })
      .flush(aDistribution(), { status: 201, statusText: 'Created', headers: { 'Idempotent-Replayed': 'true' } });

    expect((await answer).replayed).toBe(true);
  });

  it('asks for the distributions of a camp and item in a time window', async () => {
    const answer = firstValueFrom(
      sut.listDistributions({ campId: ATMEH_CAMP_ID, itemId: FAMILY_TENT_ID, from: '2019-12-24T00:00:00.000Z', page: 2, pageSize: 20 }),
    );

    const sent = http.expectOne((req) => req.url === '/api/v1/distributions');
    expect(sent.request.params.toString()).toBe(
      `campId=${ATMEH_CAMP_ID}&itemId=${FAMILY_TENT_ID}&from=2019-12-24T00:00:00.000Z&page=2&pageSize=20`,
    );
    sent.flush(aPage([aDistribution()]));

    expect((await answer).items[0].stockLeft).toBe(480);
  });

  it('reads the totals by camp and item', async () => {
    const answer = firstValueFrom(sut.listTotals({ campId: ATMEH_CAMP_ID }));

    http.expectOne(`/api/v1/distributions/totals?campId=${ATMEH_CAMP_ID}`).flush([
      { campId: ATMEH_CAMP_ID, campName: 'Atmeh border camp (new)', itemId: FAMILY_TENT_ID, itemCode: 'TENT-FAMILY', quantity: 20, households: 20, people: 100, distributions: 1 },
    ]);

    expect((await answer)[0]).toMatchObject({ itemCode: 'TENT-FAMILY', quantity: 20 });
  });

  describe('importCsv', () => {
    const file = new Blob(['client_id,camp_id\n'], { type: 'text/csv' });

    it('sends the file as text/csv, reporting upload progress and then the result', async () => {
      const events = lastValueFrom(sut.importCsv(file).pipe(toArray()));

      const sent = http.expectOne({ method: 'POST', url: '/api/v1/distributions/import' });
      expect(sent.request.headers.get('Content-Type')).toBe('text/csv');
      expect(sent.request.reportProgress).toBe(true);
      expect(sent.request.body).toBe(file);
      sent.event({ type: HttpEventType.UploadProgress, loaded: 10, total: 20 });
      sent.event({ type: HttpEventType.DownloadProgress, loaded: 5 });
      sent.flush({ imported: 12, skipped: 3 }, { status: 201, statusText: 'Created' });

      expect(await events).toEqual<ImportEvent[]>([
        { kind: 'progress', sent: 10, total: 20 },
        { kind: 'done', result: { imported: 12, skipped: 3 } },
      ]);
    });

    it('fails with the bad cells when the file is refused', async () => {
      const answer = lastValueFrom(sut.importCsv(file));

      http.expectOne({ method: 'POST', url: '/api/v1/distributions/import' }).flush(
        {
          type: 'about:blank',
          title: 'Invalid file',
          status: 422,
          code: 'distribution.import_invalid',
          detail: '2 rows are invalid',
          errors: [
            { row: 3, column: 'quantity', reason: 'must be a whole number' },
            { row: 7, column: 'camp_id', reason: 'no camp with this id in your organisation' },
            { row: 'x', reason: 'dropped: not a row error' },
          ],
        },
        { status: 422, statusText: 'Unprocessable Entity' },
      );

      const error = await answer.catch((failure: unknown) => failure);
      expect(error).toBeInstanceOf(ImportRejectedError);
      expect((error as ImportRejectedError).problem.detail).toBe('2 rows are invalid');
      expect((error as ImportRejectedError).rowErrors).toEqual([
        { row: 3, column: 'quantity', reason: 'must be a whole number' },
        { row: 7, column: 'camp_id', reason: 'no camp with this id in your organisation' },
      ]);
    });

    it('fails with the stock problem when a row asks for more than there is', async () => {
      const answer = lastValueFrom(sut.importCsv(file));

      http.expectOne({ method: 'POST', url: '/api/v1/distributions/import' }).flush(
        { type: 'about:blank', title: 'Not enough stock', status: 409, code: 'stock.insufficient', detail: 'Only 40 available at this stock point; 50 requested' },
        { status: 409, statusText: 'Conflict' },
      );

      const error = await answer.catch((failure: unknown) => failure);
      expect(error).toBeInstanceOf(ProblemError);
      expect(error).not.toBeInstanceOf(ImportRejectedError);
      expect((error as ProblemError).problem.detail).toContain('Only 40 available');
    });
  });
});
