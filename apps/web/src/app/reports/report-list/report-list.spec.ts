import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { REPORT_IDS } from '@relief-ledger/domain';

import { wordsIn } from '../../shared/testing/words-in';
import { ReportList } from './report-list';

describe('ReportList', () => {
  it('lists every report with what it holds, linked to its page', async () => {
    TestBed.configureTestingModule({ providers: [provideRouter([{ path: 'reports', component: ReportList }])] });
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/reports', ReportList);
    const sut = harness.routeNativeElement as HTMLElement;

    const links = Array.from(sut.querySelectorAll('ul[aria-label="Reports"] a'));
    expect(links.map((link) => link.getAttribute('href'))).toEqual(REPORT_IDS.map((id) => `/reports/${id}`));
    expect(wordsIn(links[0])).toMatch(/^4W of distributions HXL Who did what, where, when, for whom/);
    expect(wordsIn(links[REPORT_IDS.indexOf('incidents')])).toContain('Incidents log All organisations');
  });
});
