import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { provideRouter, Router, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { ReportPage as ReportPageAnswer, XLSX_MAX_ROWS } from '@relief-ledger/domain';
import { of, throwError } from 'rxjs';

import { signInAs } from '../../core/auth/testing/session-fixtures';
import { ProblemError } from '../../core/problems/problem-error';
import { ChartClass, LOAD_CHART } from '../../shared/charts/bar-chart';
import { LookupsApi } from '../../shared/lookups/lookups-api';
import { aCampChoice, aFoodParcel, anItem, aStockPoint, ATMEH_STORE_ID, aWarehouse, FAMILY_TENT_ID } from '../../shared/lookups/testing/lookup-fixtures';
import { wordsIn } from '../../shared/testing/words-in';
import { ReportsApi } from '../reports-api';
import { aConvoysMonthlyPage, aReportPage } from '../testing/report-fixtures';
import { ReportPage } from './report-page';

class ChartStub {
  destroy(): void {}
  update(): void {}
}

describe('ReportPage', () => {
  let harness: RouterTestingHarness;
  let api: { getReportPage: jest.Mock };
  let lookups: { [K in 'listCamps' | 'listItems' | 'listStockPoints' | 'listLocations' | 'listDonors']: jest.Mock };

  beforeEach(async () => {
    api = { getReportPage: jest.fn(() => of(aReportPage())) };
    lookups = {
      listCamps: jest.fn(() => of([aCampChoice()])),
      listItems: jest.fn(() => of([aFoodParcel(), anItem()])),
      listStockPoints: jest.fn(() => of([aStockPoint(), aWarehouse()])),
      listLocations: jest.fn(() => of({ items: [], page: 1, pageSize: 20, total: 0 })),
      listDonors: jest.fn(() => of([])),
    };
    TestBed.configureTestingModule({
      providers: [
        { provide: ReportsApi, useValue: api },
        { provide: LookupsApi, useValue: lookups },
        { provide: LOAD_CHART, useValue: () => Promise.resolve(ChartStub as unknown as ChartClass) },
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
        provideRouter([{ path: 'reports/:report', component: ReportPage }], withComponentInputBinding()),
      ],
    });
    signInAs('manager');
    harness = await RouterTestingHarness.create();
  });

  async function openPage(url: string): Promise<HTMLElement> {
    await harness.navigateByUrl(url, ReportPage);
    await harness.fixture.whenStable();
    return harness.routeNativeElement as HTMLElement;
  }

  function labels(sut: HTMLElement): string[] {
    return Array.from(sut.querySelectorAll('form mat-label')).map((label) => wordsIn(label));
  }

  function field(sut: HTMLElement, label: string): HTMLElement {
    const found = Array.from(sut.querySelectorAll<HTMLElement>('mat-form-field')).find((candidate) => wordsIn(candidate.querySelector('mat-label')) === label);
    if (!found) throw new Error(`no field ${label}`);
    return found;
  }

  function link(sut: HTMLElement, name: string): HTMLAnchorElement | undefined {
    return Array.from(sut.querySelectorAll<HTMLAnchorElement>('a')).find((candidate) => wordsIn(candidate) === name);
  }

  async function click(element: HTMLElement | undefined | null): Promise<void> {
    if (!element) throw new Error('nothing to click');
    element.click();
    await harness.fixture.whenStable();
  }

  async function pick(sut: HTMLElement, label: string, option: string): Promise<void> {
    await click(field(sut, label).querySelector<HTMLElement>('.mat-mdc-select-trigger'));
    await click(Array.from(document.querySelectorAll<HTMLElement>('mat-option')).find((candidate) => wordsIn(candidate) === option));
  }

  async function type(sut: HTMLElement, label: string, value: string): Promise<void> {
    const input = field(sut, label).querySelector('input')!;
    input.value = value;
    input.dispatchEvent(new Event('input'));
    await harness.fixture.whenStable();
  }

  async function showReport(sut: HTMLElement): Promise<void> {
    await click(Array.from(sut.querySelectorAll<HTMLButtonElement>('button')).find((button) => wordsIn(button) === 'Show report'));
  }

  it('offers only the filters the report takes, and previews it with those in the address', async () => {
    const sut = await openPage('/reports/4w?from=2019-12-01&to=2019-12-31&level=district&donor=ECHO&page=2');

    expect(wordsIn(sut.querySelector('h1'))).toBe('4W of distributions');
    expect(labels(sut)).toEqual(['From', 'To', 'Location', 'Camp', 'Item', 'Aggregated by']);
    expect(api.getReportPage).toHaveBeenCalledWith('4w', { from: '2019-12-01', to: '2019-12-31', level: 'district', lang: 'en', page: 2, pageSize: 20 });
    expect(field(sut, 'From').querySelector('input')?.value).toBe('2019-12-01');
    expect(wordsIn(sut.querySelector('.about'))).toBe('24 rows · 1 Dec 2019 to 31 Dec 2019 · days in Damascus · made at 16:00 Damascus, Mon, 23 Dec 2019');
    expect(sut.querySelectorAll('rl-report-table tbody tr')).toHaveLength(2);
    expect(wordsIn(sut.querySelector('tr.totals th'))).toBe('Total of all 24 rows');
  });

  it('shows the period the API chose when the address names none', async () => {
    const sut = await openPage('/reports/4w');

    expect(api.getReportPage).toHaveBeenCalledWith('4w', { lang: 'en', page: 1, pageSize: 20 });
    expect(field(sut, 'From').querySelector('input')?.value).toBe('2019-12-01');
    expect(field(sut, 'To').querySelector('input')?.value).toBe('2019-12-31');
  });

  it('downloads the CSV and the XLSX and prints with the same filters', async () => {
    const sut = await openPage('/reports/4w?from=2019-12-01&to=2019-12-31&pcode=SY0703&page=2');

    expect(link(sut, 'Download CSV')?.getAttribute('href')).toBe('/api/v1/reports/4w?from=2019-12-01&to=2019-12-31&pcode=SY0703&lang=en&format=csv');
    expect(link(sut, 'Download CSV')?.hasAttribute('download')).toBe(true);
    expect(link(sut, 'Download Excel (XLSX)')?.getAttribute('href')).toBe('/api/v1/reports/4w?from=2019-12-01&to=2019-12-31&pcode=SY0703&lang=en&format=xlsx');
    expect(link(sut, 'Print / Save as PDF')?.getAttribute('href')).toBe('/reports/4w/print?from=2019-12-01&to=2019-12-31&pcode=SY0703');
  });

  it('names the location of the P-code in the address', async () => {
    lookups.listLocations.mockReturnValue(
      of({ items: [{ id: 'loc-harem', pcode: 'SY0703', level: 'district', parentId: null, nameEn: 'Harem', nameAr: 'حارم', latitude: null, longitude: null, timeZone: 'Asia/Damascus' }], page: 1, pageSize: 20, total: 1 }),
    );

    const sut = await openPage('/reports/4w?pcode=SY0703');

    expect(lookups.listLocations).toHaveBeenCalledWith({ name: 'SY0703', pageSize: 20 });
    expect(field(sut, 'Location').querySelector('input')?.value).toBe('Harem (SY0703)');
  });

  it('puts the filters chosen in the address, from the first page, and previews again', async () => {
    const sut = await openPage('/reports/4w?page=3');

    await type(sut, 'From', '2019-11-01');
    await type(sut, 'To', '2019-11-30');
    await pick(sut, 'Item', 'Family tent');
    await pick(sut, 'Aggregated by', 'Governorate (admin 1)');
    await showReport(sut);

    expect(TestBed.inject(Router).url).toBe(`/reports/4w?from=2019-11-01&to=2019-11-30&itemId=${FAMILY_TENT_ID}&level=governorate`);
    expect(api.getReportPage).toHaveBeenLastCalledWith('4w', { from: '2019-11-01', to: '2019-11-30', itemId: FAMILY_TENT_ID, level: 'governorate', lang: 'en', page: 1, pageSize: 20 });
  });

  it("filters the donor report by donor, suggesting the donors named before", async () => {
    lookups.listDonors.mockReturnValue(of(['ECHO', 'WFP']));
    const sut = await openPage('/reports/receipts-by-donor');

    expect(labels(sut)).toEqual(['From', 'To', 'Location', 'Stock point', 'Item', 'Donor']);
    await type(sut, 'Donor', ' ECHO ');
    await showReport(sut);

    expect(TestBed.inject(Router).url).toBe('/reports/receipts-by-donor?donor=ECHO');
    expect(api.getReportPage).toHaveBeenLastCalledWith('receipts-by-donor', { donor: 'ECHO', lang: 'en', page: 1, pageSize: 20 });
  });

  it('refuses a period that ends before it starts', async () => {
    const sut = await openPage('/reports/4w');
    api.getReportPage.mockClear();

    await type(sut, 'From', '2019-12-31');
    await type(sut, 'To', '2019-12-01');
    await showReport(sut);

    expect(wordsIn(field(sut, 'To').querySelector('mat-error'))).toBe('The end of the period comes before its start');
    expect(api.getReportPage).not.toHaveBeenCalled();
  });

  it('asks for the stock point and item of a stock card before making it', async () => {
    const sut = await openPage('/reports/stock-card');

    expect(api.getReportPage).not.toHaveBeenCalled();
    expect(wordsIn(sut.querySelector('.missing'))).toBe('Choose the stock point and item to make this report.');
    expect(link(sut, 'Download CSV')).toBeUndefined();

    await showReport(sut);
    expect(wordsIn(field(sut, 'Stock point').querySelector('mat-error'))).toBe('Choose the stock point');

    await pick(sut, 'Stock point', 'Atmeh camp store');
    await pick(sut, 'Item', 'Family tent');
    await showReport(sut);

    expect(api.getReportPage).toHaveBeenCalledWith('stock-card', { stockPointId: ATMEH_STORE_ID, itemId: FAMILY_TENT_ID, lang: 'en', page: 1, pageSize: 20 });
  });

  it("puts a refused filter's reason under it", async () => {
    const problem = { type: 'about:blank', title: 'Invalid report filters', status: 400, errors: [{ field: 'from', reason: 'from is after 2019-12-23, the last day with data' }] };
    api.getReportPage.mockReturnValue(throwError(() => new ProblemError(problem)));

    const sut = await openPage('/reports/4w?from=2030-01-01');

    expect(wordsIn(field(sut, 'From').querySelector('mat-error'))).toBe('from is after 2019-12-23, the last day with data');
    expect(wordsIn(sut.querySelector('[role="alert"]'))).toContain('Invalid report filters — see the filters marked above');
  });

  it('names a refused filter that is not on show in the banner', async () => {
    const problem = { type: 'about:blank', title: 'Invalid report filters', status: 400, errors: [{ field: 'format', reason: 'must be json, csv or xlsx' }] };
    api.getReportPage.mockReturnValue(throwError(() => new ProblemError(problem)));

    const sut = await openPage('/reports/4w');

    expect(wordsIn(sut.querySelector('[role="alert"]'))).toContain('Invalid report filters — format must be json, csv or xlsx');
  });

  it('points to the CSV when the report has more rows than a spreadsheet holds', async () => {
    api.getReportPage.mockReturnValue(of(aReportPage({ total: XLSX_MAX_ROWS })));

    const sut = await openPage('/reports/4w');

    expect(link(sut, 'Download Excel (XLSX)')).toBeUndefined();
    expect(wordsIn(sut.querySelector('.downloads'))).toContain('More rows than a spreadsheet holds: download the CSV.');
  });

  it('charts the monthly convoys by final status, with the figures in words', async () => {
    api.getReportPage.mockReturnValue(of(aConvoysMonthlyPage() as ReportPageAnswer));

    const sut = await openPage('/reports/convoys-monthly');

    expect(labels(sut)).toEqual(['From', 'To']);
    expect(wordsIn(sut.querySelector('rl-bar-chart figcaption'))).toBe('Convoys by final status: 5 arrived, 1 struck.');
  });

  it('moves through the pages of the preview by the address', async () => {
    const sut = await openPage('/reports/4w?from=2019-12-01');

    await click(sut.querySelector<HTMLElement>('rl-page-paginator button.next'));

    expect(TestBed.inject(Router).url).toBe('/reports/4w?from=2019-12-01&page=2&pageSize=20');
  });

  it('says so for a report that does not exist', async () => {
    const sut = await openPage('/reports/secret');

    expect(wordsIn(sut.querySelector('[role="alert"]'))).toContain('There is no such report.');
    expect(api.getReportPage).not.toHaveBeenCalled();
  });
});
