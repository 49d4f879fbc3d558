import { provideHttpClient, withFetch } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';

import { aPage } from '../../core/http/testing/page-fixtures';
import { ProblemError } from '../../core/problems/problem-error';
import { LookupsApi } from './lookups-api';
import { aCampChoice, aLocation, anItem, aRoute, aStockPoint } from './testing/lookup-fixtures';

describe('LookupsApi', () => {
  let sut: LookupsApi;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(withFetch()), provideHttpClientTesting()] });
    sut = TestBed.inject(LookupsApi);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('reads the item catalogue', async () => {
    const answer = firstValueFrom(sut.listItems());

    http.expectOne('/api/v1/items').flush([anItem()]);

    expect((await answer)[0].code).toBe('TENT-FAMILY');
  });

  it('refuses a stock point of a kind it does not know', async () => {
    const answer = firstValueFrom(sut.listStockPoints());

    http.expectOne('/api/v1/stock-points').flush([aStockPoint({ kind: 'truck' as never })]);

    await expect(answer).rejects.toBeInstanceOf(ProblemError);
  });

  it('reads every page of camps, so no camp is missing from a select', async () => {
    const answer = firstValueFrom(sut.listCamps());

    http.expectOne('/api/v1/camps?page=1&pageSize=100').flush(aPage([aCampChoice()], { pageSize: 100, total: 201 }));
    http.expectOne('/api/v1/camps?page=2&pageSize=100').flush(aPage([aCampChoice({ id: 'c-2' })], { page: 2, pageSize: 100, total: 201 }));
    http.expectOne('/api/v1/camps?page=3&pageSize=100').flush(aPage([aCampChoice({ id: 'c-3' })], { page: 3, pageSize: 100, total: 201 }));

    expect((await answer).map((camp) => camp.id)).toEqual([aCampChoice().id, 'c-2', 'c-3']);
  });

  it('lists locations by name', async () => {
    const answer = firstValueFrom(sut.listLocations({ name: 'Sarm', pageSize: 50 }));

    http.expectOne('/api/v1/locations?name=Sarm&pageSize=50').flush(aPage([aLocation()]));

    expect((await answer).items.map((location) => location.pcode)).toEqual(['SY070300']);
  });

  it('reads the routes with their stops and time zone', async () => {
    const answer = firstValueFrom(sut.listRoutes());

    http.expectOne('/api/v1/routes').flush([aRoute()]);

    expect((await answer)[0]).toMatchObject({ name: "Ma'arat al-Num'an to Sarmada", timeZone: 'Asia/Damascus' });
  });

  it('refuses a route without its time zone', async () => {
    const answer = firstValueFrom(sut.listRoutes());

    http.expectOne('/api/v1/routes').flush([{ ...aRoute(), timeZone: null }]);

    await expect(answer).rejects.toBeInstanceOf(ProblemError);
  });

  it('suggests the donors named before that match what is typed', async () => {
    const answer = firstValueFrom(sut.listDonors(' ECHO '));

    http.expectOne('/api/v1/stock/donors?q=ECHO').flush(['ECHO', 'ECHO Syria']);

    expect(await answer).toEqual(['ECHO', 'ECHO Syria']);
  });

  it('asks for any donor when nothing is typed', async () => {
    const answer = firstValueFrom(sut.listDonors());

    http.expectOne('/api/v1/stock/donors').flush([]);

    expect(await answer).toEqual([]);
  });

  it('refuses donors that are not names', async () => {
    const answer = firstValueFrom(sut.listDonors('x'));

    http.expectOne('/api/v1/stock/donors?q=x').flush([{ name: 'ECHO' }]);

    await expect(answer).rejects.toBeInstanceOf(ProblemError);
  });
});
