import { DOCUMENT } from '@angular/common';
import { TestBed } from '@angular/core/testing';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { REPORT_COLUMNS } from '@relief-ledger/domain';
import { of } from 'rxjs';

import { signInAs } from '../../core/auth/testing/session-fixtures';
import { provideTestTranslations } from '../../core/i18n/testing/test-translations';
import { LookupsApi } from '../../shared/lookups/lookups-api';
import { aFoodParcel, anItem, FAMILY_TENT_ID } from '../../shared/lookups/testing/lookup-fixtures';
import { wordsIn } from '../../shared/testing/words-in';
import { ReportsApi } from '../reports-api';
import { aReportPage } from '../testing/report-fixtures';
import { ReportPrint } from './report-print';

describe('ReportPrint', () => {
  let harness: RouterTestingHarness;
  let api: { getReportPage: jest.Mock };
  let lookups: { listItems: jest.Mock; listLocations: jest.Mock };
  /** Set by the specs of another language, which provide its translations too. */
  let language: 'en' | 'ar' = 'en';

  const movements = () =>
    aReportPage({
      report: 'stock-movements',
      columns: REPORT_COLUMNS['stock-movements'],
      rows: [
        { stockPoint: 'Atmeh camp store', itemCode: 'TENT-FAMILY', itemName: 'Family tent', opening: 0, receipts: 500, transfersIn: 0, transfersOut: 0, distributed: 20, lossDestroyed: 0, lossLooted: 0, lossSpoiled: 0, lossMissing: 0, adjustments: 0, closing: 480 },
      ],
      totals: { opening: 0, receipts: 500, distributed: 20, closing: 480 },
      total: 1,
      filters: { from: '2019-12-01', to: '2019-12-31', itemId: FAMILY_TENT_ID },
    });

  beforeEach(async () => {
    api = { getReportPage: jest.fn(() => of(movements())) };
    lookups = { listItems: jest.fn(() => of([aFoodParcel(), anItem()])), listLocations: jest.fn() };
    TestBed.configureTestingModule({
      providers: [
        { provide: ReportsApi, useValue: api },
        { provide: LookupsApi, useValue: lookups },
        provideRouter([{ path: 'reports/:report/print', component: ReportPrint }], withComponentInputBinding()),
        ...(language === 'en' ? [] : provideTestTranslations(language, 'arab')),
      ],
    });
    signInAs('manager');
    harness = await RouterTestingHarness.create();
  });

  async function openPrint(url: string): Promise<HTMLElement> {
    await harness.navigateByUrl(url, ReportPrint);
    await harness.fixture.whenStable();
    return harness.routeNativeElement as HTMLElement;
  }

  it('heads the report with the organisation, title, filters, zone and time it was made', async () => {
    const sut = await openPrint(`/reports/stock-movements/print?from=2019-12-01&to=2019-12-31&itemId=${FAMILY_TENT_ID}`);

    expect(api.getReportPage).toHaveBeenCalledWith('stock-movements', { from: '2019-12-01', to: '2019-12-31', itemId: FAMILY_TENT_ID, lang: 'en', page: 1, pageSize: 5_000 });
    expect(wordsIn(sut.querySelector('.organisation'))).toBe('Humanitarian Relief Organization (HRO)');
    expect(wordsIn(sut.querySelector('h1'))).toBe('Stock movement summary');
    expect(Array.from(sut.querySelectorAll('.about > div')).map((line) => wordsIn(line))).toEqual([
      'Period 1 Dec 2019 to 31 Dec 2019',
      'Item Family tent',
      'Days and times in Damascus',
      'Generated at 16:00 Damascus (UTC+02:00), Mon, 23 Dec 2019',
      'Rows 1',
    ]);
  });

  it('prints the table with its header row, the rows and the totals, and no note about missing rows', async () => {
    const sut = await openPrint('/reports/stock-movements/print');

    expect(sut.querySelector('rl-report-table thead th')?.textContent?.trim()).toBe('Stock point');
    expect(wordsIn(sut.querySelector('rl-report-table tbody tr'))).toBe('Atmeh camp store TENT-FAMILY Family tent 0 500 0 0 20 0 0 0 0 0 480');
    expect(wordsIn(sut.querySelector('tr.totals'))).toBe('Total 0 500 20 480');
    expect(sut.querySelector('.truncated')).toBeNull();
    expect(sut.querySelector('.print-page')?.classList).toContain('wide');
  });

  it('says when the report has more rows than it prints, pointing to the CSV', async () => {
    api.getReportPage.mockReturnValue(of(aReportPage({ total: 12_345 })));

    const sut = await openPrint('/reports/4w/print?from=2019-12-01');

    expect(wordsIn(sut.querySelector('.truncated'))).toBe('First 1 of 12,345 rows: download the CSV for all.');
    expect(sut.querySelector('.truncated a')?.getAttribute('href')).toBe('/api/v1/reports/4w?from=2019-12-01&lang=en&format=csv');
  });

  it("opens the browser's print dialog, and keeps its buttons off the paper", async () => {
    const print = jest.fn();
    const window = TestBed.inject(DOCUMENT).defaultView!;
    const original = window.print;
    window.print = print;
    try {
      const sut = await openPrint('/reports/stock-movements/print');

      const button = Array.from(sut.querySelectorAll('button')).find((candidate) => wordsIn(candidate) === 'Print / Save as PDF')!;
      button.click();

      expect(print).toHaveBeenCalled();
      expect(button.closest('.rl-no-print')).not.toBeNull();
      expect(sut.querySelector('.actions a')?.getAttribute('href')).toBe('/reports/stock-movements');
    } finally {
      window.print = original;
    }
  });

  it('asks for what a stock card needs rather than print an empty one', async () => {
    const sut = await openPrint('/reports/stock-card/print');

    expect(api.getReportPage).not.toHaveBeenCalled();
    expect(wordsIn(sut.querySelector('[role="alert"]'))).toBe('Choose the stock point and item to make this report.');
  });
  it('numbers the sheets "Page 1 of 3" at their foot, and stops when the print view closes', async () => {
    await openPrint('/reports/stock-movements/print');
    const root = TestBed.inject(DOCUMENT).documentElement;

    expect(root.style.getPropertyValue('--rl-page-footer')).toBe("'Page ' counter(page, decimal) ' of ' counter(pages, decimal)");

    harness.fixture.destroy();
    expect(root.style.getPropertyValue('--rl-page-footer')).toBe('');
  });

  describe('in Arabic with Arabic-Indic digits', () => {
    beforeAll(() => (language = 'ar'));
    afterAll(() => (language = 'en'));

    it('asks for the headers in Arabic, and heads and numbers the sheets in Arabic', async () => {
      // The profile's choice wins over the device's: this user chose Arabic with Arabic-Indic digits.
      signInAs('manager', { language: 'ar', digits: 'arab' });
      const sut = await openPrint(`/reports/stock-movements/print?from=2019-12-01&to=2019-12-31&itemId=${FAMILY_TENT_ID}`);

      expect(api.getReportPage).toHaveBeenCalledWith('stock-movements', expect.objectContaining({ lang: 'ar' }));
      expect(wordsIn(sut.querySelector('h1'))).toBe('ملخص حركة المخزون');
      const about = Array.from(sut.querySelectorAll('.about > div')).map((line) => wordsIn(line));
      expect(about[0]).toBe('الفترة من ١ كانون الأول ٢٠١٩ إلى ٣١ كانون الأول ٢٠١٩');
      expect(about[1]).toBe('المادة خيمة عائلية');
      expect(about).toContain('الأيام والأوقات بتوقيت دمشق');
      expect(wordsIn(sut.querySelector('tr.totals th'))).toBe('المجموع');
      expect(TestBed.inject(DOCUMENT).documentElement.style.getPropertyValue('--rl-page-footer')).toBe(
        "'صفحة ' counter(page, arabic-indic) ' من ' counter(pages, arabic-indic)",
      );
    });
  });
});
