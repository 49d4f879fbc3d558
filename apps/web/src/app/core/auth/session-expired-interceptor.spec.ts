import { HttpClient, HttpErrorResponse, provideHttpClient, withFetch, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { firstValueFrom } from 'rxjs';

import { sessionExpiredInterceptor } from './session-expired-interceptor';
import { SessionStore } from './session-store';
import { signInAs } from './testing/session-fixtures';

@Component({ template: '' })
class PageStub {}

describe('sessionExpiredInterceptor', () => {
  let http: HttpTestingController;
  let router: Router;
  let client: HttpClient;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withFetch(), withInterceptors([sessionExpiredInterceptor])),
        provideHttpClientTesting(),
        provideRouter([
          { path: 'camps', component: PageStub },
          { path: 'sign-in', component: PageStub },
        ]),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    router = TestBed.inject(Router);
    client = TestBed.inject(HttpClient);
    signInAs('coordinator');
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/camps?name=Atmeh');
  });

  afterEach(() => http.verify());

  async function answer(url: string, status: number, body: object = { code: 'auth.required' }, method: 'GET' | 'POST' = 'GET'): Promise<unknown> {
    const call = firstValueFrom(method === 'GET' ? client.get(url) : client.post(url, {})).catch((error: unknown) => error);
    http.expectOne({ method, url }).flush(body, { status, statusText: String(status) });
    const error = await call;
    await new Promise((resolve) => setTimeout(resolve));
    return error;
  }

  it('forgets the session and sends the user to sign in, to come back to the same page', async () => {
    const error = await answer('/api/v1/camps', 401);

    expect(router.url).toBe('/sign-in?returnUrl=%2Fcamps%3Fname%3DAtmeh');
    expect(TestBed.inject(SessionStore).signedIn()).toBe(false);
    expect(error).toBeInstanceOf(HttpErrorResponse);
  });

  it("leaves the sign-in endpoint's own 401 to the sign-in page", async () => {
    await answer('/api/v1/auth/sign-in', 401, { code: 'auth.invalid_credentials' });

    expect(router.url).toBe('/camps?name=Atmeh');
    expect(TestBed.inject(SessionStore).signedIn()).toBe(true);
  });

  it('leaves the 401 of the session check to its caller', async () => {
    await answer('/api/v1/auth/session', 401);

    expect(router.url).toBe('/camps?name=Atmeh');
  });

  it('leaves a wrong current password to the change-password page, still signed in', async () => {
    await answer('/api/v1/auth/password', 401, { status: 401, title: 'Wrong password', code: 'auth.wrong_password' }, 'POST');

    expect(router.url).toBe('/camps?name=Atmeh');
    expect(TestBed.inject(SessionStore).signedIn()).toBe(true);
  });

  it('signs out when the password change finds the session itself has ended', async () => {
    await answer('/api/v1/auth/password', 401, { status: 401, title: 'Sign-in required', code: 'auth.required' }, 'POST');

    expect(router.url).toBe('/sign-in?returnUrl=%2Fcamps%3Fname%3DAtmeh');
    expect(TestBed.inject(SessionStore).signedIn()).toBe(false);
  });

  it('does not sign out on a 403: the session is fine, the role is not enough', async () => {
    await answer('/api/v1/users', 403, { code: 'auth.forbidden' });

    expect(router.url).toBe('/camps?name=Atmeh');
    expect(TestBed.inject(SessionStore).signedIn()).toBe(true);
  });
});
