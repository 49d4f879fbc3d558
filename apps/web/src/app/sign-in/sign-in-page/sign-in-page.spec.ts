import { provideHttpClient, withFetch } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';

import { SessionStore } from '../../core/auth/session-store';
import { aSession } from '../../core/auth/testing/session-fixtures';
import { SignInPage } from './sign-in-page';

@Component({ template: '' })
class PageStub {}

describe('SignInPage', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;
  let router: Router;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withFetch()),
        provideHttpClientTesting(),
        provideRouter(
          [
            { path: 'sign-in', component: SignInPage },
            { path: 'camps', component: PageStub },
            { path: 'camps/:id', component: PageStub },
            { path: 'overview', component: PageStub },
          ],
          withComponentInputBinding(),
        ),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    router = TestBed.inject(Router);
    harness = await RouterTestingHarness.create();
  });

  afterEach(() => http.verify());

  async function openPage(url = '/sign-in'): Promise<HTMLElement> {
    await harness.navigateByUrl(url, SignInPage);
    await harness.fixture.whenStable();
    return harness.routeNativeElement as HTMLElement;
  }

  async function type(sut: HTMLElement, name: string, value: string): Promise<void> {
    const input = sut.querySelector<HTMLInputElement>(`input[name="${name}"]`)!;
    input.value = value;
    input.dispatchEvent(new Event('input'));
    await harness.fixture.whenStable();
  }

  async function signIn(sut: HTMLElement, email = 'field@hro.example', password = 'demo-password-2019'): Promise<void> {
    await type(sut, 'email', email);
    await type(sut, 'password', password);
    submitButton(sut).click();
    await harness.fixture.whenStable();
  }

  function submitButton(sut: HTMLElement): HTMLButtonElement {
    return sut.querySelector<HTMLButtonElement>('button[type="submit"]')!;
  }

  function labels(sut: HTMLElement): string[] {
    return Array.from(sut.querySelectorAll('label')).map((label) => label.textContent?.trim() ?? '');
  }

  async function answerSignIn(body: object, init: { status?: number; statusText?: string; headers?: Record<string, string> } = {}) {
    http.expectOne({ method: 'POST', url: '/api/v1/auth/sign-in' }).flush(body, init);
    await harness.fixture.whenStable();
    await new Promise((resolve) => setTimeout(resolve));
  }

  it('asks for email and password', async () => {
    const sut = await openPage();

    expect(labels(sut)).toEqual(['Email', 'Password']);
    expect(submitButton(sut).textContent?.trim()).toBe('Sign in');
    expect(sut.querySelector('input[name="password"]')?.getAttribute('type')).toBe('password');
  });

  it('does not send an empty form', async () => {
    const sut = await openPage();

    submitButton(sut).click();
    await harness.fixture.whenStable();

    expect(sut.textContent).toContain('Enter your email address');
    http.expectNone('/api/v1/auth/sign-in');
  });

  it('shows the reason of a 401 and starts the password again', async () => {
    const sut = await openPage();
    await signIn(sut, 'field@hro.example', 'olive-grove-2018');

    await answerSignIn(
      { type: 'about:blank', title: 'Unauthorized', status: 401, code: 'auth.invalid_credentials', detail: 'Wrong email or password' },
      { status: 401, statusText: 'Unauthorized' },
    );

    expect(sut.querySelector('[role="alert"]')?.textContent?.trim()).toBe('Wrong email or password');
    expect(sut.querySelector<HTMLInputElement>('input[name="password"]')?.value).toBe('');
    expect(sut.querySelector<HTMLInputElement>('input[name="email"]')?.value).toBe('field@hro.example');
    expect(router.url).toBe('/sign-in');
  });

  it('says when to try again after too many attempts', async () => {
    const sut = await openPage();
    await signIn(sut);

    await answerSignIn(
      {
        type: 'about:blank',
        title: 'Too Many Requests',
        status: 429,
        code: 'auth.throttled',
        detail: 'Too many failed sign-ins; try again in 15 minutes',
      },
      { status: 429, statusText: 'Too Many Requests', headers: { 'Retry-After': '900' } },
    );

    const alert = sut.querySelector('[role="alert"]')?.textContent ?? '';
    expect(alert).toContain('Too many failed sign-ins; try again in 15 minutes');
    expect(alert).toMatch(/\(at \d{2}:\d{2}\)/);
  });

  it('says when to try again when the 429 carries no detail', async () => {
    const sut = await openPage();
    await signIn(sut);

    await answerSignIn({ type: 'about:blank', title: 'Too Many Requests', status: 429 }, { status: 429, statusText: 'Too Many Requests', headers: { 'Retry-After': '60' } });

    expect(sut.querySelector('[role="alert"]')?.textContent).toMatch(/Too many failed sign-ins \(at .+\)/);
  });

  it('sends email and password, then opens the page it was sent from', async () => {
    const sut = await openPage('/sign-in?returnUrl=%2Fcamps%2Fc-1');
    await signIn(sut, ' field@hro.example ', 'demo-password-2019');

    const request = http.expectOne('/api/v1/auth/sign-in');
    expect(request.request.body).toEqual({ email: 'field@hro.example', password: 'demo-password-2019' });
    request.flush(aSession('field'));
    await harness.fixture.whenStable();
    await new Promise((resolve) => setTimeout(resolve));

    expect(router.url).toBe('/camps/c-1');
    expect(TestBed.inject(SessionStore).session()?.user.role).toBe('field');
  });

  it('opens the overview when no page was given', async () => {
    const sut = await openPage();
    await signIn(sut);

    await answerSignIn(aSession('field'));

    expect(router.url).toBe('/overview');
  });

  it('refuses to send the user to another site', async () => {
    const sut = await openPage('/sign-in?returnUrl=%2F%2Fevil.example');
    await signIn(sut);

    await answerSignIn(aSession('field'));

    expect(router.url).toBe('/overview');
  });

  it('says plainly when the server cannot be reached', async () => {
    const sut = await openPage();
    await signIn(sut);

    http.expectOne('/api/v1/auth/sign-in').error(new ProgressEvent('error'));
    await harness.fixture.whenStable();

    expect(sut.querySelector('[role="alert"]')?.textContent).toContain('Could not reach the server');
  });
});
