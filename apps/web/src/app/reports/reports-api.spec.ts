import { provideHttpClient, withFetch } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';

import { ProblemError } from '../core/problems/problem-error';
import { reportFileUrl, ReportsApi } from './reports-api';
import { aReportPage } from './testing/report-fixtures';

describe('ReportsApi', () => {
  let sut: ReportsApi;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(withFetch()), provideHttpClientTesting()] });
    sut = TestBed.inject(ReportsApi);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('asks for a page of the report as JSON, with its filters', async () => {
    const answer = firstValueFrom(sut.getReportPage('4w', { from: '2019-12-01', to: '2019-12-31', pcode: 'SY0703', level: 'camp', page: 2, pageSize: 20 }));

    http
      .expectOne({ method: 'GET', url: '/api/v1/reports/4w?from=2019-12-01&to=2019-12-31&pcode=SY0703&level=camp&page=2&pageSize=20&format=json' })
      .flush(aReportPage());

    expect((await answer).totals['people']).toBe(100_000);
  });

  it('asks for at most the largest page the API serves', async () => {
    const answer = firstValueFrom(sut.getReportPage('stock-movements', { pageSize: 1_000_000 }));

    http.expectOne('/api/v1/reports/stock-movements?pageSize=5000&format=json').flush(aReportPage({ report: 'stock-movements' }));

    await answer;
  });

  it.each([
    ['a report it does not know', { report: 'secret' }],
    ['rows that are not rows', { rows: [['a', 'b']] }],
    ['columns without a key', { columns: [{ header: 'Camp', type: 'text' }] }],
    ['no organisation', { organisation: undefined }],
  ])('refuses %s', async (_case, change) => {
    const answer = firstValueFrom(sut.getReportPage('4w', {}));

    http.expectOne('/api/v1/reports/4w?format=json').flush({ ...aReportPage(), ...change });

    await expect(answer).rejects.toBeInstanceOf(ProblemError);
  });

  it('fails with the field errors of a refused filter', async () => {
    const answer = firstValueFrom(sut.getReportPage('stock-card', {}));

    const problem = { type: 'about:blank', title: 'Invalid report filters', status: 400, errors: [{ field: 'stockPointId', reason: 'stockPointId is required' }] };
    http.expectOne('/api/v1/reports/stock-card?format=json').flush(problem, { status: 400, statusText: 'Bad Request' });

    await expect(answer).rejects.toMatchObject({ problem: { errors: [{ field: 'stockPointId' }] } });
  });
});

describe('reportFileUrl', () => {
  const sut = reportFileUrl;

  it('addresses the whole report as a file, with the same filters and no page', () => {
    expect(sut('4w', { from: '2019-12-01', level: 'district', page: 3, pageSize: 50, format: 'json' }, 'csv')).toBe(
      '/api/v1/reports/4w?from=2019-12-01&level=district&format=csv',
    );
  });

  it("asks for the headers in the reader's language", () => {
    expect(sut('stock-card', { stockPointId: 'sp-1', itemId: 'item-1', lang: 'ar' }, 'xlsx')).toBe('/api/v1/reports/stock-card?stockPointId=sp-1&itemId=item-1&lang=ar&format=xlsx');
  });

  it('encodes what a donor name may hold', () => {
    expect(sut('receipts-by-donor', { donor: 'Qatar Charity & ECHO' }, 'xlsx')).toBe('/api/v1/reports/receipts-by-donor?donor=Qatar%20Charity%20%26%20ECHO&format=xlsx');
  });
});
