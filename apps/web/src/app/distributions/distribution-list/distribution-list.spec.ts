import { provideHttpClient, withFetch } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { of } from 'rxjs';

import { signInAs } from '../../core/auth/testing/session-fixtures';
import { LookupsApi } from '../../shared/lookups/lookups-api';
import { aCampChoice, aFoodParcel, anItem, aStockPoint, ATMEH_CAMP_ID, aWarehouse, FAMILY_TENT_ID } from '../../shared/lookups/testing/lookup-fixtures';
import { aDistribution, aPage } from '../testing/distribution-fixtures';
import { DistributionList } from './distribution-list';

describe('DistributionList', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        {
          provide: LookupsApi,
          useValue: {
            listCamps: () => of([aCampChoice()]),
            listItems: () => of([aFoodParcel(), anItem()]),
            listStockPoints: () => of([aStockPoint(), aWarehouse()]),
          },
        },
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
        provideHttpClient(withFetch()),
        provideHttpClientTesting(),
        provideRouter([{ path: 'distributions', component: DistributionList }], withComponentInputBinding()),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    signInAs('coordinator');
    harness = await RouterTestingHarness.create();
  });

  afterEach(() => http.verify());

  async function openList(url = '/distributions'): Promise<HTMLElement> {
    await harness.navigateByUrl(url, DistributionList);
    await harness.fixture.whenStable();
    return harness.routeNativeElement as HTMLElement;
  }

  async function answer(distributions = aPage([aDistribution()]), totals: object[] = []): Promise<void> {
    http.expectOne((req) => req.url === '/api/v1/distributions').flush(distributions);
    http.expectOne((req) => req.url === '/api/v1/distributions/totals').flush(totals);
    await harness.fixture.whenStable();
  }

  function cells(row: Element): string[] {
    return Array.from(row.querySelectorAll('td')).map((cell) => cell.textContent?.replace(/\s+/g, ' ').trim() ?? '');
  }

  it('shows each distribution with the names of its camp, item and stock point', async () => {
    const sut = await openList();

    await answer();

    const [row] = Array.from(sut.querySelectorAll('table[aria-label="Distributions"] tr.mat-mdc-row')).map(cells);
    expect(row.slice(1)).toEqual(['Atmeh border camp (new)', 'Family tent', '20', '20', '100', 'Atmeh camp store', '480']);
    expect(row[0]).toContain('24 Dec 2019');
  });

  it('asks for the camp, item and days in the address, up to and including the last day', async () => {
    await openList(`/distributions?campId=${ATMEH_CAMP_ID}&itemId=${FAMILY_TENT_ID}&from=2019-12-24&to=2019-12-31&page=2`);

    const request = http.expectOne((req) => req.url === '/api/v1/distributions');
    expect(request.request.params.get('campId')).toBe(ATMEH_CAMP_ID);
    expect(request.request.params.get('itemId')).toBe(FAMILY_TENT_ID);
    // Days on the site's calendar (Damascus, UTC+2 in December 2019), not the browser's.
    expect(request.request.params.get('from')).toBe('2019-12-23T22:00:00.000Z');
    expect(request.request.params.get('to')).toBe('2019-12-31T22:00:00.000Z');
    expect(request.request.params.get('page')).toBe('2');
    request.flush(aPage([]));
    const totals = http.expectOne((req) => req.url === '/api/v1/distributions/totals');
    expect(totals.request.params.has('page')).toBe(false);
    expect(totals.request.params.get('campId')).toBe(ATMEH_CAMP_ID);
    totals.flush([]);
  });

  it('shows the totals for the same filter', async () => {
    const sut = await openList();

    await answer(aPage([aDistribution()]), [
      { campId: ATMEH_CAMP_ID, campName: 'Atmeh border camp (new)', itemId: FAMILY_TENT_ID, itemCode: 'TENT-FAMILY', quantity: 20, households: 20, people: 100, distributions: 1 },
    ]);

    const totals = Array.from(sut.querySelectorAll('.totals tr.mat-mdc-row')).map(cells);
    expect(totals).toEqual([['Atmeh border camp (new)', 'Family tent', '20', '20', '100', '1']]);
  });

  it('offers to clear the filters when nothing matches', async () => {
    const sut = await openList(`/distributions?campId=${ATMEH_CAMP_ID}`);

    await answer(aPage([]));

    expect(sut.textContent).toContain('No distributions match');
    expect(Array.from(sut.querySelectorAll('button')).some((button) => button.textContent?.trim() === 'Clear filters')).toBe(true);
  });

  it('links to logging and importing for those who may', async () => {
    const sut = await openList();
    await answer();

    const links = Array.from(sut.querySelectorAll('header a')).map((link) => link.getAttribute('href'));
    expect(links).toEqual(['/distributions/import', '/distributions/new']);
  });

  it('shows managers the list without ways to log', async () => {
    signInAs('manager');
    const sut = await openList();
    await answer();

    expect(sut.querySelectorAll('header a')).toHaveLength(0);
  });
});
