import { TestBed } from '@angular/core/testing';
import { REPORT_COLUMNS, ReportPage } from '@relief-ledger/domain';

import { wordsIn } from '../../shared/testing/words-in';
import { aFourWRow, aReportPage } from '../testing/report-fixtures';
import { ReportTable } from './report-table';

describe('ReportTable', () => {
  async function render(page: ReportPage): Promise<HTMLElement> {
    const fixture = TestBed.createComponent(ReportTable);
    fixture.componentRef.setInput('page', page);
    fixture.componentRef.setInput('label', '4W of distributions');
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  function cells(row: Element | null): string[] {
    return Array.from(row?.querySelectorAll('th, td') ?? []).map((cell) => wordsIn(cell));
  }

  it("heads the table with the report's columns", async () => {
    const sut = await render(aReportPage());

    expect(cells(sut.querySelector('thead tr')).slice(0, 3)).toEqual(['Organisation', 'Acronym', 'Cluster']);
    expect(sut.querySelector('table')?.getAttribute('aria-label')).toBe('4W of distributions');
  });

  it('isolates text cells, so an Arabic name keeps its order, and groups figures', async () => {
    const sut = await render(aReportPage());

    const row = sut.querySelectorAll('tbody tr')[0];
    const camp = row.querySelectorAll('td')[15];
    expect(camp.querySelector('bdi')?.textContent).toBe('مخيم أطمة الحدودي');
    expect(wordsIn(row.querySelectorAll('td')[7])).toBe('4,200');
    expect(row.querySelectorAll('td')[7].classList).toContain('figure');
  });

  it('ends with the totals of the summed columns over every row of the report', async () => {
    const sut = await render(aReportPage());

    const totals = cells(sut.querySelector('tbody tr.totals'));
    expect(totals[0]).toBe('Total of all 24 rows');
    expect(totals.slice(6, 9)).toEqual(['20,000', '100,000', '20,000']);
    expect(totals[1]).toBe('');
  });

  it('says only "Total" when every row is shown', async () => {
    const sut = await render(aReportPage({ rows: [aFourWRow()], total: 1 }));

    expect(cells(sut.querySelector('tr.totals'))[0]).toBe('Total');
  });

  it('shows times on the report clock, and no totals row when nothing is summed', async () => {
    const page = aReportPage({
      report: 'stock-card',
      columns: REPORT_COLUMNS['stock-card'].map((column) => ({ ...column, total: false })),
      rows: [{ at: '2019-12-22T07:00:00.000Z', kind: 'Received', reference: 'ATM-2019-1222', counterpart: null, quantityIn: 500, quantityOut: null, balance: 500, recordedBy: 'Layla Haddad' }],
      totals: {},
      total: 1,
    });

    const sut = await render(page);

    expect(cells(sut.querySelector('tbody tr'))).toEqual(['2019-12-22 09:00', 'Received', 'ATM-2019-1222', '', '500', '', '500', 'Layla Haddad']);
    expect(sut.querySelector('tr.totals')).toBeNull();
  });
});
