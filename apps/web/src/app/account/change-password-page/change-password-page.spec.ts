import { provideHttpClient, withFetch } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';

import { appRoutes } from '../../app.routes';
import { SessionStore } from '../../core/auth/session-store';
import { signInAs } from '../../core/auth/testing/session-fixtures';
import { ChangePasswordPage } from './change-password-page';
import { provideFakeEventSources } from '../../core/live/testing/fake-event-source';

describe('ChangePasswordPage', () => {
  let fixture: ComponentFixture<ChangePasswordPage>;
  let http: HttpTestingController;

  beforeEach(() => {
    // The signed-in layout around the page opens the live stream: a fake one here.
    TestBed.configureTestingModule({ providers: [provideHttpClient(withFetch()), provideHttpClientTesting(), provideRouter(appRoutes), provideFakeEventSources([])] });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  async function openPage(): Promise<HTMLElement> {
    signInAs('field', { email: 'rana@hro.example' });
    fixture = TestBed.createComponent(ChangePasswordPage);
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  async function fill(sut: HTMLElement, fields: { currentPassword?: string; newPassword?: string }): Promise<void> {
    for (const [name, value] of Object.entries(fields)) {
      const input = sut.querySelector<HTMLInputElement>(`input[formControlName="${name}"]`)!;
      input.value = value;
      input.dispatchEvent(new Event('input'));
    }
    await fixture.whenStable();
  }

  async function submit(sut: HTMLElement): Promise<void> {
    Array.from(sut.querySelectorAll<HTMLButtonElement>('button')).find((button) => button.textContent?.trim() === 'Change password')!.click();
    await fixture.whenStable();
  }

  function errors(sut: HTMLElement): string[] {
    return Array.from(sut.querySelectorAll('mat-error')).map((error) => error.textContent?.trim() ?? '');
  }

  function labels(sut: HTMLElement): string[] {
    return Array.from(sut.querySelectorAll('mat-label')).map((label) => label.textContent?.trim() ?? '');
  }

  it('asks for the current and the new password', async () => {
    const sut = await openPage();

    expect(sut.querySelector('h1')?.textContent).toBe('Change password');
    expect(labels(sut)).toEqual(['Current password', 'New password']);
    expect(sut.querySelector('input[formControlName="currentPassword"]')?.getAttribute('autocomplete')).toBe('current-password');
    expect(sut.querySelector('input[formControlName="newPassword"]')?.getAttribute('autocomplete')).toBe('new-password');
  });

  it('sends both passwords, says it is done and empties the form', async () => {
    const sut = await openPage();
    await fill(sut, { currentPassword: 'handed-over-password', newPassword: 'only-rana-knows-this' });

    await submit(sut);
    const request = http.expectOne({ method: 'POST', url: '/api/v1/auth/password' });
    expect(request.request.body).toEqual({ currentPassword: 'handed-over-password', newPassword: 'only-rana-knows-this' });
    request.flush(null, { status: 204, statusText: 'No Content' });
    await fixture.whenStable();

    expect(sut.querySelector('[role="status"]')?.textContent).toContain('Your password has been changed');
    expect(sut.querySelector<HTMLInputElement>('input[formControlName="newPassword"]')?.value).toBe('');
    expect(errors(sut)).toEqual([]);
    expect(TestBed.inject(SessionStore).signedIn()).toBe(true);
  });

  it('checks the new password here first, with the same rule as the server', async () => {
    const sut = await openPage();
    await fill(sut, { currentPassword: 'handed-over-password', newPassword: 'olive-grove' });

    await submit(sut);

    expect(errors(sut)).toEqual(['New password must be at least 12 characters']);
    http.expectNone('/api/v1/auth/password');
  });

  it('refuses the own email as the new password', async () => {
    const sut = await openPage();
    await fill(sut, { currentPassword: 'handed-over-password', newPassword: 'Rana@HRO.example' });

    await submit(sut);

    expect(errors(sut)).toEqual(['New password must not be the email address']);
    http.expectNone('/api/v1/auth/password');
  });

  it('asks for both fields when empty', async () => {
    const sut = await openPage();

    await submit(sut);

    expect(errors(sut)).toEqual(['Enter your current password', 'Enter a new password']);
    http.expectNone('/api/v1/auth/password');
  });

  it('says under the field when the current password is wrong, and stays signed in', async () => {
    const sut = await openPage();
    await fill(sut, { currentPassword: 'not-it-at-all', newPassword: 'only-rana-knows-this' });

    await submit(sut);
    http.expectOne('/api/v1/auth/password').flush(
      {
        type: 'about:blank',
        title: 'Wrong password',
        status: 401,
        detail: 'The current password is wrong',
        code: 'auth.wrong_password',
        errors: [{ field: 'currentPassword', reason: 'is wrong' }],
      },
      { status: 401, statusText: 'Unauthorized' },
    );
    await fixture.whenStable();

    expect(errors(sut)).toEqual(['Current password is wrong']);
    expect(sut.querySelector('[role="alert"]')).toBeNull();
    expect(sut.querySelector('[role="status"]')).toBeNull();
    expect(TestBed.inject(SessionStore).signedIn()).toBe(true);
  });

  it("puts the server's reason for the new password under that field", async () => {
    const sut = await openPage();
    await fill(sut, { currentPassword: 'handed-over-password', newPassword: 'only-rana-knows-this' });

    await submit(sut);
    http.expectOne('/api/v1/auth/password').flush(
      { title: 'Invalid request', status: 400, errors: [{ field: 'newPassword', reason: 'is too common' }] },
      { status: 400, statusText: 'Bad Request' },
    );
    await fixture.whenStable();

    expect(errors(sut)).toEqual(['New password is too common']);
  });

  it('shows a problem that belongs to no field in a banner', async () => {
    const sut = await openPage();
    await fill(sut, { currentPassword: 'handed-over-password', newPassword: 'only-rana-knows-this' });

    await submit(sut);
    http.expectOne('/api/v1/auth/password').error(new ProgressEvent('error'));
    await fixture.whenStable();

    expect(sut.querySelector('[role="alert"]')?.textContent).toContain('Could not reach the server');
  });

  it('is at /account/password, for anyone signed in', async () => {
    signInAs('field');
    const harness = await RouterTestingHarness.create();

    await harness.navigateByUrl('/account/password');

    expect((harness.routeNativeElement as HTMLElement).querySelector('h1')?.textContent).toBe('Change password');
  });
});
