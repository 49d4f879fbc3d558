import { provideHttpClient, withFetch } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Location } from '@angular/common';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';

import { authGuard, permissionGuard, signedOutGuard } from './auth-guards';
import { aSession, signInAs } from './testing/session-fixtures';

@Component({ template: 'camps' })
class CampsStub {}

@Component({ template: 'admin' })
class AdminStub {}

@Component({ template: 'sign in' })
class SignInStub {}

@Component({ template: 'no access' })
class ForbiddenStub {}

describe('route guards', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;
  let router: Router;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withFetch()),
        provideHttpClientTesting(),
        provideRouter([
          { path: 'sign-in', component: SignInStub, canActivate: [signedOutGuard] },
          {
            path: '',
            canActivateChild: [authGuard],
            children: [
              { path: 'camps', component: CampsStub },
              { path: 'overview', component: CampsStub },
              { path: 'admin', component: AdminStub, canActivate: [permissionGuard('users.manage', 'audit.read')] },
              { path: 'forbidden', component: ForbiddenStub },
            ],
          },
        ]),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    router = TestBed.inject(Router);
    harness = await RouterTestingHarness.create();
  });

  afterEach(() => http.verify());

  async function navigate(url: string, session: ReturnType<typeof aSession> | null): Promise<string> {
    const navigation = harness.navigateByUrl(url);
    await new Promise((resolve) => setTimeout(resolve));
    http
      .expectOne('/api/v1/auth/session')
      .flush(session ?? { code: 'auth.required' }, session ? {} : { status: 401, statusText: 'Unauthorized' });
    await navigation;
    return (harness.routeNativeElement as HTMLElement).textContent ?? '';
  }

  describe('authGuard', () => {
    it('lets a signed-in user through, asking the server who is signed in', async () => {
      expect(await navigate('/camps?page=2', aSession('field'))).toBe('camps');
      expect(router.url).toBe('/camps?page=2');
    });

    it('sends someone signed out to sign in, with the page to come back to', async () => {
      expect(await navigate('/camps?page=2', null)).toBe('sign in');
      expect(router.url).toBe('/sign-in?returnUrl=%2Fcamps%3Fpage%3D2');
    });

    it('does not ask the server again once it knows', async () => {
      signInAs('field');

      await harness.navigateByUrl('/camps');

      expect(router.url).toBe('/camps');
    });
  });

  describe('permissionGuard', () => {
    it('lets an administrator into the admin page', async () => {
      signInAs('admin');

      await harness.navigateByUrl('/admin');

      expect((harness.routeNativeElement as HTMLElement).textContent).toBe('admin');
    });

    it('lets in a role with any one of the permissions named', async () => {
      signInAs('manager');

      await harness.navigateByUrl('/admin');

      expect((harness.routeNativeElement as HTMLElement).textContent).toBe('admin');
    });

    it('shows field staff the no-access page at the address they asked for', async () => {
      signInAs('field');

      await harness.navigateByUrl('/admin');

      expect((harness.routeNativeElement as HTMLElement).textContent).toBe('no access');
      expect(TestBed.inject(Location).path()).toBe('/admin');
    });
  });

  describe('signedOutGuard', () => {
    it('sends someone already signed in on to the page they were headed for', async () => {
      signInAs('coordinator');

      await harness.navigateByUrl('/sign-in?returnUrl=%2Fcamps%3Fpage%3D3');

      expect(router.url).toBe('/camps?page=3');
    });

    it('refuses to send them to another site', async () => {
      signInAs('coordinator');

      await harness.navigateByUrl('/sign-in?returnUrl=%2F%2Fevil.example');

      expect(router.url).toBe('/overview');
    });
  });
});
