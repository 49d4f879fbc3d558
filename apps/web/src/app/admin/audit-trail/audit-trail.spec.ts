import { provideHttpClient, withFetch } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { Role } from '@relief-ledger/domain';

import { signInAs } from '../../core/auth/testing/session-fixtures';
import { aPage } from '../../core/http/testing/page-fixtures';
import { provideFixedClock } from '../../convoys/testing/fixed-clock';
import { wordsIn } from '../../shared/testing/words-in';
import { VIEWER_TIME_ZONE } from '../../shared/time/zoned-time';
import { anAuditEntry } from '../testing/admin-fixtures';
import { AuditTrail } from './audit-trail';

const AMINA = '0b6f3c2e-0000-4000-8000-00000000000a';

describe('AuditTrail', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideFixedClock(new Date('2026-11-29T22:00:00.000Z')).provider,
        { provide: VIEWER_TIME_ZONE, useValue: 'Asia/Damascus' },
        provideHttpClient(withFetch()),
        provideHttpClientTesting(),
        provideRouter([{ path: 'admin/audit', component: AuditTrail }], withComponentInputBinding()),
      ],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  async function openTrail(url = '/admin/audit', role: Role = 'admin', entries = [anAuditEntry(), anAuditEntry({ id: 'audit-2', action: 'sign_in', entity: 'session', userId: AMINA, userName: 'Amina', recordLabel: null, target: { kind: 'user', id: AMINA }, changedFields: [] })]) {
    signInAs(role);
    harness = await RouterTestingHarness.create();
    await harness.navigateByUrl(url, AuditTrail);
    await harness.fixture.whenStable();
    const request = http.expectOne((req) => req.url === '/api/v1/audit');
    http.expectOne('/api/v1/audit/people').flush([{ id: AMINA, name: 'Amina' }]);
    request.flush(aPage(entries));
    await harness.fixture.whenStable();
    return { sut: harness.routeNativeElement as HTMLElement, request };
  }

  const rows = (sut: HTMLElement) => Array.from(sut.querySelectorAll('tr.mat-mdc-row')).map((row) => wordsIn(row));

  it('says what happened in words, on the site clock with its date', async () => {
    const { sut } = await openTrail();

    expect(rows(sut)).toEqual([
      '16:00 Damascus, Mon, 23 Dec 2019 Layla Haddad changed camp Atmeh border camp (new) population, households',
      '16:00 Damascus, Mon, 23 Dec 2019 Amina signed in —',
    ]);
  });

  it("links the record to its page and the person to what they alone did", async () => {
    const { sut } = await openTrail();

    expect(sut.querySelector('a.record')?.getAttribute('href')).toBe('/camps/7d1c2a8e-0000-4000-8000-000000000001');
    expect(sut.querySelectorAll('a.who')[1]?.getAttribute('href')).toBe(`/admin/audit?userId=${AMINA}`);
  });

  it('shows the record without a link where the role cannot open its page', async () => {
    const { sut } = await openTrail('/admin/audit', 'manager', [anAuditEntry({ action: 'create', entity: 'user', recordLabel: 'Hala', target: { kind: 'user', id: 'u-2' } })]);

    expect(sut.querySelector('a.record')).toBeNull();
    expect(wordsIn(sut.querySelector('.record'))).toBe('Hala');
  });

  it('asks for one person, action and period (days on the Damascus calendar, the last day included) from the address', async () => {
    const { request } = await openTrail(`/admin/audit?userId=${AMINA}&action=sign_in&from=2019-12-23&to=2019-12-23`);

    expect(request.request.params.toString()).toBe(`userId=${AMINA}&action=sign_in&from=2019-12-22T22:00:00.000Z&to=2019-12-23T22:00:00.000Z&page=1&pageSize=20`);
  });

  it('leaves out filters a hand mistyped in the address', async () => {
    const { request } = await openTrail('/admin/audit?userId=amina&action=dance&from=yesterday');

    expect(request.request.params.toString()).toBe('page=1&pageSize=20');
  });

  it('filters by a person from the first page when one is chosen', async () => {
    const { sut } = await openTrail('/admin/audit?page=3');

    (sut.querySelectorAll('a.who')[1] as HTMLAnchorElement).click();
    await harness.fixture.whenStable();

    expect(TestBed.inject(Router).url).toBe(`/admin/audit?userId=${AMINA}`);
    http.expectOne((req) => req.url === '/api/v1/audit' && req.params.get('userId') === AMINA && req.params.get('page') === '1').flush(aPage([]));
  });
});
