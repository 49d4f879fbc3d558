import { provideHttpClient, withFetch } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';

import { signInAs } from '../../core/auth/testing/session-fixtures';
import { aPage } from '../../core/http/testing/page-fixtures';
import { adminRoutes } from '../admin.routes';

describe('AdminPage', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(withFetch()), provideHttpClientTesting(), provideRouter([{ path: 'admin', children: adminRoutes }])],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('opens on the users, with a tab per section', async () => {
    signInAs('admin');
    const harness = await RouterTestingHarness.create();

    await harness.navigateByUrl('/admin');
    http.expectOne((req) => req.url === '/api/v1/users').flush(aPage([]));
    await harness.fixture.whenStable();

    const sut = harness.routeNativeElement as HTMLElement;
    const tabs = Array.from(sut.querySelectorAll('nav[aria-label="Admin sections"] a')).map((tab) => [
      tab.textContent?.trim(),
      tab.getAttribute('href'),
    ]);
    expect(tabs).toEqual([
      ['Users', '/admin/users'],
      ['API tokens', '/admin/api-tokens'],
      ['Audit trail', '/admin/audit'],
    ]);
    expect(sut.querySelector('h2')?.textContent).toBe('Users');
    expect(sut.querySelector('h1')?.textContent).toBe('Admin');
  });
});
