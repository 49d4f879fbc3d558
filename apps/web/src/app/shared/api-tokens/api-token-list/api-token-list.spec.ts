import { Clipboard } from '@angular/cdk/clipboard';
import { provideHttpClient, withFetch } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';

import { signInAs } from '../../../core/auth/testing/session-fixtures';
import { aPage } from '../../../core/http/testing/page-fixtures';
import { aCreatedApiToken, anApiToken } from '../testing/api-token-fixtures';
import { ApiTokenList } from './api-token-list';

describe('ApiTokenList', () => {
  let fixture: ComponentFixture<ApiTokenList>;
  let http: HttpTestingController;
  let clipboard: { copy: jest.Mock };

  beforeEach(() => {
    clipboard = { copy: jest.fn(() => true) };
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withFetch()),
        provideHttpClientTesting(),
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
        { provide: Clipboard, useValue: clipboard },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    signInAs('admin', { id: 'user-admin', name: 'Rania Saleh' });
  });

  afterEach(() => http.verify());

  async function openList(tokens = [anApiToken()]): Promise<HTMLElement> {
    fixture = TestBed.createComponent(ApiTokenList);
    await fixture.whenStable();
    http.expectOne((req) => req.url === '/api/v1/api-tokens').flush(aPage(tokens, { pageSize: 50 }));
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  function buttonNamed(root: ParentNode, name: string): HTMLButtonElement | undefined {
    return Array.from(root.querySelectorAll<HTMLButtonElement>('button')).find((button) => button.textContent?.trim() === name);
  }

  async function click(button: HTMLButtonElement | undefined): Promise<void> {
    if (!button) throw new Error('no such button');
    button.click();
    await fixture.whenStable();
  }

  async function createToken(sut: HTMLElement, name: string): Promise<void> {
    await click(buttonNamed(sut, 'New token'));
    const input = sut.querySelector<HTMLInputElement>('input[formControlName="name"]')!;
    input.value = name;
    input.dispatchEvent(new Event('input'));
    await click(buttonNamed(sut, 'Create token'));
  }

  it('lists the tokens with their user, dates and status', async () => {
    const sut = await openList([anApiToken(), anApiToken({ id: 'token-0', name: 'Old export', revokedAt: '2019-12-20T10:00:00Z' })]);

    const rows = Array.from(sut.querySelectorAll('tr.mat-mdc-row')).map((row) => row.textContent?.replace(/\s+/g, ' ').trim());
    expect(rows[0]).toContain('KoboToolbox sync');
    expect(rows[0]).toContain('Omar Khalil');
    expect(rows[0]).toContain('Revoke');
    expect(rows[1]).toContain('Revoked 20 Dec 2019');
    expect(rows[1]).not.toContain('Revoke ');
  });

  it('creates a token under the name given, acting as the admin', async () => {
    const sut = await openList();

    await createToken(sut, ' Stock export ');

    const request = http.expectOne({ method: 'POST', url: '/api/v1/api-tokens' });
    expect(request.request.body).toEqual({ name: 'Stock export' });
    request.flush(aCreatedApiToken(), { status: 201, statusText: 'Created' });
    http.expectOne((req) => req.url === '/api/v1/api-tokens' && req.method === 'GET').flush(aPage([anApiToken(), aCreatedApiToken()]));
  });

  it('asks only for a name, saying the token acts as the admin with their role', async () => {
    const sut = await openList();

    await click(buttonNamed(sut, 'New token'));

    const form = sut.querySelector('form')!;
    expect(Array.from(form.querySelectorAll('mat-label')).map((label) => label.textContent?.trim())).toEqual(['Name']);
    expect(form.querySelector('mat-select')).toBeNull();
    expect(form.querySelector('mat-hint')?.textContent).toContain('The token acts as you, with your role (Administrator)');
    http.expectNone((req) => req.url === '/api/v1/users');
  });

  it('does not send a token without a name', async () => {
    const sut = await openList();

    await click(buttonNamed(sut, 'New token'));
    await click(buttonNamed(sut, 'Create token'));

    expect(sut.querySelector('mat-error')?.textContent).toContain('Enter a name');
    http.expectNone({ method: 'POST', url: '/api/v1/api-tokens' });
  });

  it('shows the new token once, with a copy button and a warning', async () => {
    const sut = await openList();
    await createToken(sut, 'Stock export');
    http.expectOne({ method: 'POST', url: '/api/v1/api-tokens' }).flush(aCreatedApiToken(), { status: 201, statusText: 'Created' });
    http.expectOne((req) => req.url === '/api/v1/api-tokens').flush(aPage([anApiToken(), aCreatedApiToken()]));
    await fixture.whenStable();

    expect(sut.querySelector('.token')?.textContent).toBe('rl_live_7Qk2v9XwPz4mN8rT');
    expect(sut.querySelector('.created [role="alert"]')?.textContent).toContain('it will not be shown again');
    await click(buttonNamed(sut, 'Copy token'));
    expect(clipboard.copy).toHaveBeenCalledWith('rl_live_7Qk2v9XwPz4mN8rT');

    await click(buttonNamed(sut, 'I have copied it'));
    expect(sut.textContent).not.toContain('rl_live_7Qk2v9XwPz4mN8rT');
  });

  it('revokes a token after confirmation', async () => {
    const sut = await openList();

    await click(buttonNamed(sut.querySelector('tr.mat-mdc-row')!, 'Revoke'));
    const dialog = document.querySelector<HTMLElement>('mat-dialog-container')!;
    expect(dialog.textContent).toContain('refused from now on');
    await click(buttonNamed(dialog, 'Revoke'));

    http
      .expectOne({ method: 'POST', url: '/api/v1/api-tokens/token-1/revoke' })
      .flush(anApiToken({ revokedAt: '2019-12-24T09:00:00Z' }));
    await fixture.whenStable();

    expect(sut.querySelector('tr.mat-mdc-row')?.textContent).toContain('Revoked 24 Dec 2019');
  });

  it('keeps the token when the admin changes their mind', async () => {
    const sut = await openList();

    await click(buttonNamed(sut.querySelector('tr.mat-mdc-row')!, 'Revoke'));
    await click(buttonNamed(document.querySelector('mat-dialog-container')!, 'Keep'));

    http.expectNone({ method: 'POST' });
  });

  it("shows a manager their own tokens, without the organisation's column of who each acts as", async () => {
    signInAs('manager', { id: 'user-manager', name: 'Samir Aziz' });
    fixture = TestBed.createComponent(ApiTokenList);
    fixture.componentRef.setInput('scope', 'own');
    fixture.componentRef.setInput('heading', 'Your tokens');
    await fixture.whenStable();
    http.expectOne((req) => req.url === '/api/v1/api-tokens').flush(aPage([anApiToken({ userId: 'user-manager', userName: 'Samir Aziz', name: '4W nightly pull' })]));
    await fixture.whenStable();
    const sut = fixture.nativeElement as HTMLElement;

    expect(sut.querySelector('h2')?.textContent).toBe('Your tokens');
    expect(sut.querySelector('.intro')?.textContent).toContain('with your role (Manager)');
    expect(Array.from(sut.querySelectorAll('th')).map((th) => th.textContent?.trim())).toEqual(['Name', 'Created', 'Last used', 'Status']);
    expect(sut.querySelector('tr.mat-mdc-row')?.textContent).toContain('4W nightly pull');
  });
});
