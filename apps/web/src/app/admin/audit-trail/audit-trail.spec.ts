import { provideHttpClient, withFetch } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';

import { aPage } from '../../core/http/testing/page-fixtures';
import { anAuditEntry } from '../testing/admin-fixtures';
import { AuditTrail, ENTITY_FILTER_DEBOUNCE_MS } from './audit-trail';

describe('AuditTrail', () => {
  let fixture: ComponentFixture<AuditTrail>;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(withFetch()), provideHttpClientTesting()] });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  async function openTrail(): Promise<HTMLElement> {
    fixture = TestBed.createComponent(AuditTrail);
    await fixture.whenStable();
    http.expectOne((req) => req.url === '/api/v1/audit').flush(aPage([anAuditEntry(), anAuditEntry({ id: 'audit-2', userName: null, changedFields: [] })]));
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  it('shows who changed which fields of what', async () => {
    const sut = await openTrail();

    const rows = Array.from(sut.querySelectorAll('tr.mat-mdc-row')).map((row) => row.textContent?.replace(/\s+/g, ' ').trim());
    expect(rows[0]).toContain('Layla Haddad');
    expect(rows[0]).toContain('population, households');
    expect(rows[1]).toContain('System');
  });

  it('asks for one kind of record, from the first page', async () => {
    const sut = await openTrail();

    const input = sut.querySelector<HTMLInputElement>('input')!;
    input.value = ' camp ';
    input.dispatchEvent(new Event('input'));
    await new Promise((resolve) => setTimeout(resolve, ENTITY_FILTER_DEBOUNCE_MS + 50));
    await fixture.whenStable();

    const request = http.expectOne((req) => req.url === '/api/v1/audit');
    expect(request.request.params.toString()).toBe('page=1&pageSize=20&entity=camp');
    request.flush(aPage([]));
  });
});
