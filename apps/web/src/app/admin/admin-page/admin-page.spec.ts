import { Location } from '@angular/common';
import { provideHttpClient, withFetch } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';

import { appRoutes } from '../../app.routes';
import { signInAs } from '../../core/auth/testing/session-fixtures';
import { aPage } from '../../core/http/testing/page-fixtures';

describe('AdminPage', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    // The app's own routes: the guard on /admin and the guards of each tab, as they run in the app.
    TestBed.configureTestingModule({
      providers: [provideHttpClient(withFetch()), provideHttpClientTesting(), provideRouter(appRoutes)],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  function tabsOf(sut: HTMLElement): Array<[string | undefined, string | null]> {
    return Array.from(sut.querySelectorAll('nav[aria-label="Admin sections"] a')).map((tab) => [
      tab.textContent?.trim(),
      tab.getAttribute('href'),
    ]);
  }

  it('opens on the users for an administrator, with a tab per section', async () => {
    signInAs('admin');
    const harness = await RouterTestingHarness.create();

    await harness.navigateByUrl('/admin');
    http.expectOne((req) => req.url === '/api/v1/users').flush(aPage([]));
    await harness.fixture.whenStable();

    const sut = harness.routeNativeElement as HTMLElement;
    expect(TestBed.inject(Router).url).toBe('/admin/users');
    expect(tabsOf(sut)).toEqual([
      ['Users', '/admin/users'],
      ['API tokens', '/admin/api-tokens'],
      ['Audit trail', '/admin/audit'],
    ]);
    expect(sut.querySelector('h2')?.textContent).toBe('Users');
    expect(sut.querySelector('h1')?.textContent).toBe('Admin');
  });

  it('opens on the audit trail for a manager, the only tab they see', async () => {
    signInAs('manager');
    const harness = await RouterTestingHarness.create();

    await harness.navigateByUrl('/admin');
    http.expectOne((req) => req.url === '/api/v1/audit').flush(aPage([]));
    http.expectOne('/api/v1/audit/people').flush([]);
    await harness.fixture.whenStable();

    const sut = harness.routeNativeElement as HTMLElement;
    expect(TestBed.inject(Router).url).toBe('/admin/audit');
    expect(tabsOf(sut)).toEqual([['Audit trail', '/admin/audit']]);
    expect(sut.querySelector('h2')?.textContent).toBe('Audit trail');
  });

  it('shows a manager the no-access page for the users, at that address', async () => {
    signInAs('manager');
    const harness = await RouterTestingHarness.create();

    await harness.navigateByUrl('/admin/users');

    expect((harness.routeNativeElement as HTMLElement).textContent).toContain('No access to this page');
    expect(TestBed.inject(Location).path()).toBe('/admin/users');
    http.expectNone((req) => req.url === '/api/v1/users');
  });

  it('still shows field staff the no-access page for the whole admin area', async () => {
    signInAs('field');
    const harness = await RouterTestingHarness.create();

    await harness.navigateByUrl('/admin');

    expect((harness.routeNativeElement as HTMLElement).textContent).toContain('No access to this page');
    http.expectNone((req) => req.url.startsWith('/api/v1/'));
  });

  it('asks who is signed in before choosing the tab, on a fresh load', async () => {
    const harness = await RouterTestingHarness.create();

    const navigation = harness.navigateByUrl('/admin');
    await new Promise((resolve) => setTimeout(resolve));
    http.expectOne('/api/v1/auth/session').flush({
      user: { id: 'user-manager', name: 'Layla Haddad', email: 'manager@hro.example', role: 'manager' },
      organisation: { id: 'org-hro', name: 'Humanitarian Relief Organization', shortCode: 'HRO' },
      expiresAt: '2019-12-24T18:00:00.000Z',
    });
    await navigation;
    http.expectOne((req) => req.url === '/api/v1/audit').flush(aPage([]));
    http.expectOne('/api/v1/audit/people').flush([]);

    expect(TestBed.inject(Router).url).toBe('/admin/audit');
  });
});
