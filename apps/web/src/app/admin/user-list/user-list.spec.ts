import { BreakpointObserver } from '@angular/cdk/layout';
import { provideHttpClient, withFetch } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';

import { of } from 'rxjs';

import { signInAs } from '../../core/auth/testing/session-fixtures';
import { aPage } from '../../core/http/testing/page-fixtures';
import { aUser } from '../testing/admin-fixtures';
import { UserList } from './user-list';

describe('UserList', () => {
  let fixture: ComponentFixture<UserList>;
  let http: HttpTestingController;
  let phone: boolean;

  const me = aUser({ id: 'user-admin', name: 'Rania Saleh', email: 'admin@hro.example', role: 'admin', version: 1 });
  const omar = aUser();

  beforeEach(() => {
    phone = false;
    TestBed.configureTestingModule({
      providers: [
        { provide: BreakpointObserver, useValue: { observe: () => of({ matches: phone, breakpoints: {} }) } },
        provideHttpClient(withFetch()),
        provideHttpClientTesting(),
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    signInAs('admin', { id: 'user-admin', name: 'Rania Saleh' });
  });

  afterEach(() => http.verify());

  async function openList(users = [me, omar]): Promise<HTMLElement> {
    fixture = TestBed.createComponent(UserList);
    await fixture.whenStable();
    const request = http.expectOne((req) => req.url === '/api/v1/users');
    expect(request.request.params.toString()).toBe('page=1&pageSize=50');
    request.flush(aPage(users, { pageSize: 50 }));
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  function buttonNamed(root: ParentNode, name: string): HTMLButtonElement | undefined {
    return Array.from(root.querySelectorAll<HTMLButtonElement>('button')).find((button) => button.textContent?.trim() === name);
  }

  function rowOf(sut: HTMLElement, name: string): HTMLElement {
    const row = Array.from(sut.querySelectorAll<HTMLElement>('tr.mat-mdc-row')).find((tr) => tr.textContent?.includes(name));
    if (!row) throw new Error(`no row for ${name}`);
    return row;
  }

  async function click(button: HTMLButtonElement | undefined): Promise<void> {
    if (!button) throw new Error('no such button');
    button.click();
    await fixture.whenStable();
  }

  async function type(root: HTMLElement, name: string, value: string): Promise<void> {
    const input = root.querySelector<HTMLInputElement>(`input[formControlName="${name}"]`)!;
    input.value = value;
    input.dispatchEvent(new Event('input'));
    input.dispatchEvent(new Event('blur'));
    await fixture.whenStable();
  }

  function messageUnder(root: HTMLElement, name: string): string {
    return (
      root.querySelector(`[formControlName="${name}"]`)?.closest('mat-form-field')?.querySelector('mat-error')?.textContent?.trim() ?? ''
    );
  }

  it('lists the users with email, role and whether they are active', async () => {
    const sut = await openList([me, omar, aUser({ id: 'user-2', name: 'Huda Nasser', role: 'manager', active: false })]);

    const rows = Array.from(sut.querySelectorAll('tr.mat-mdc-row')).map((row) => Array.from(row.querySelectorAll('td')).map(wordsOf));
    expect(rows).toEqual([
      ['Rania Saleh (you) admin@hro.example', 'Administrator', 'Active'],
      ['Omar Khalil omar.khalil@hro.example', 'Field staff', 'Active Disable'],
      ['Huda Nasser omar.khalil@hro.example', 'Manager', 'Disabled Enable'],
    ]);
  });

  it('shows a card per user on a phone, with the same controls', async () => {
    phone = true;

    const sut = await openList();

    expect(sut.querySelector('table')).toBeNull();
    const cards = Array.from(sut.querySelectorAll<HTMLElement>('li.card'));
    expect(cards.map((card) => card.querySelector('.email')?.textContent)).toEqual(['admin@hro.example', 'omar.khalil@hro.example']);
    expect(buttonNamed(cards[1], 'Disable')).toBeDefined();
    expect(cards[1].querySelector('mat-select')?.getAttribute('aria-label')).toBe('Role of Omar Khalil');
  });

  it('creates a user with name, email, role and password', async () => {
    const sut = await openList();
    await click(buttonNamed(sut, 'Add user'));
    const form = sut.querySelector<HTMLElement>('rl-add-user-form')!;

    await type(form, 'name', ' Samir Darwish ');
    await type(form, 'email', 'samir.darwish@hro.example');
    await type(form, 'password', 'olive-grove-2019');
    await click(buttonNamed(form, 'Create user'));

    const request = http.expectOne({ method: 'POST', url: '/api/v1/users' });
    expect(request.request.body).toEqual({
      name: 'Samir Darwish',
      email: 'samir.darwish@hro.example',
      role: 'field',
      password: 'olive-grove-2019',
    });
    request.flush(aUser({ id: 'user-3', name: 'Samir Darwish' }), { status: 201, statusText: 'Created' });
    await fixture.whenStable();

    expect(sut.querySelector('rl-add-user-form')).toBeNull();
    http.expectOne((req) => req.url === '/api/v1/users').flush(aPage([me, omar, aUser({ id: 'user-3', name: 'Samir Darwish' })]));
  });

  it('refuses a short password before sending', async () => {
    const sut = await openList();
    await click(buttonNamed(sut, 'Add user'));
    const form = sut.querySelector<HTMLElement>('rl-add-user-form')!;
    await type(form, 'name', 'Samir Darwish');
    await type(form, 'email', 'samir.darwish@hro.example');
    await type(form, 'password', 'short');

    await click(buttonNamed(form, 'Create user'));

    expect(messageUnder(form, 'password')).toBe('Password must be at least 12 characters');
    http.expectNone({ method: 'POST', url: '/api/v1/users' });
  });

  it('refuses the email address as password', async () => {
    const sut = await openList();
    await click(buttonNamed(sut, 'Add user'));
    const form = sut.querySelector<HTMLElement>('rl-add-user-form')!;
    await type(form, 'password', 'samir.darwish@hro.example');
    await type(form, 'email', 'Samir.Darwish@hro.example');

    expect(messageUnder(form, 'password')).toBe('Password must not be the email address');
  });

  it('puts "email exists" from a 409 under the email', async () => {
    const sut = await openList();
    await click(buttonNamed(sut, 'Add user'));
    const form = sut.querySelector<HTMLElement>('rl-add-user-form')!;
    await type(form, 'name', 'Omar Khalil');
    await type(form, 'email', 'omar.khalil@hro.example');
    await type(form, 'password', 'olive-grove-2019');
    await click(buttonNamed(form, 'Create user'));

    http.expectOne({ method: 'POST', url: '/api/v1/users' }).flush(
      {
        type: 'about:blank',
        title: 'Conflict',
        status: 409,
        code: 'user.email_taken',
        errors: [{ field: 'email', reason: 'is already used by another user' }],
      },
      { status: 409, statusText: 'Conflict' },
    );
    await fixture.whenStable();

    expect(messageUnder(form, 'email')).toBe('Email is already used by another user');
  });

  it('disables a user after confirmation, sending active false with the version it read', async () => {
    const sut = await openList();

    await click(buttonNamed(rowOf(sut, 'Omar Khalil'), 'Disable'));
    const dialog = document.querySelector<HTMLElement>('mat-dialog-container')!;
    expect(dialog.textContent).toContain('sessions end at once');
    await click(buttonNamed(dialog, 'Disable'));

    const request = http.expectOne({ method: 'PATCH', url: '/api/v1/users/user-field' });
    expect(request.request.body).toEqual({ version: 2, active: false });
    request.flush(aUser({ active: false, version: 3 }));
    await fixture.whenStable();

    expect(rowOf(sut, 'Omar Khalil').textContent).toContain('Disabled');
    expect(buttonNamed(rowOf(sut, 'Omar Khalil'), 'Enable')).toBeDefined();
  });

  it('leaves the user active when the admin keeps them active', async () => {
    const sut = await openList();

    await click(buttonNamed(rowOf(sut, 'Omar Khalil'), 'Disable'));
    await click(buttonNamed(document.querySelector('mat-dialog-container')!, 'Keep active'));

    http.expectNone({ method: 'PATCH' });
  });

  it('enables a disabled user with the version it read', async () => {
    const sut = await openList([me, aUser({ active: false, version: 5 })]);

    await click(buttonNamed(rowOf(sut, 'Omar Khalil'), 'Enable'));

    const request = http.expectOne({ method: 'PATCH', url: '/api/v1/users/user-field' });
    expect(request.request.body).toEqual({ version: 5, active: true });
    request.flush(aUser({ active: true, version: 6 }));
  });

  it('offers no way to disable or demote oneself', async () => {
    const sut = await openList();

    const mine = rowOf(sut, 'Rania Saleh');
    expect(buttonNamed(mine, 'Disable')).toBeUndefined();
    expect(mine.querySelector('mat-select')?.getAttribute('aria-disabled')).toBe('true');
  });

  it('changes a role with the version it read', async () => {
    const sut = await openList();

    rowOf(sut, 'Omar Khalil').querySelector<HTMLElement>('.mat-mdc-select-trigger')!.click();
    await fixture.whenStable();
    const manager = Array.from(document.querySelectorAll<HTMLElement>('mat-option')).find((option) => option.textContent?.trim() === 'Manager');
    manager!.click();
    await fixture.whenStable();

    const request = http.expectOne({ method: 'PATCH', url: '/api/v1/users/user-field' });
    expect(request.request.body).toEqual({ version: 2, role: 'manager' });
    request.flush(aUser({ role: 'manager', version: 3 }));
  });

  it('reloads the list and says why when someone else changed the user meanwhile', async () => {
    const sut = await openList();
    await click(buttonNamed(rowOf(sut, 'Omar Khalil'), 'Disable'));
    await click(buttonNamed(document.querySelector('mat-dialog-container')!, 'Disable'));

    http
      .expectOne({ method: 'PATCH', url: '/api/v1/users/user-field' })
      .flush({ type: 'about:blank', title: 'Conflict', status: 409 }, { status: 409, statusText: 'Conflict' });
    await fixture.whenStable();

    expect(sut.querySelector('[role="alert"]')?.textContent).toContain('changed by someone else');
    http.expectOne((req) => req.method === 'GET' && req.url === '/api/v1/users').flush(aPage([me, aUser({ version: 4 })]));
  });

  it('shows the reason the API refused a change', async () => {
    const sut = await openList();
    await click(buttonNamed(rowOf(sut, 'Omar Khalil'), 'Disable'));
    await click(buttonNamed(document.querySelector('mat-dialog-container')!, 'Disable'));

    http.expectOne({ method: 'PATCH', url: '/api/v1/users/user-field' }).flush(
      { type: 'about:blank', title: 'Unprocessable', status: 422, detail: 'An organisation needs at least one active administrator' },
      { status: 422, statusText: 'Unprocessable Entity' },
    );
    await fixture.whenStable();

    expect(sut.querySelector('[role="alert"]')?.textContent).toContain('at least one active administrator');
  });
});

/** The text of each text node under `element`, space-separated, as a reader would see the words. */
function wordsOf(element: Element): string {
  const walker = element.ownerDocument.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  const words: string[] = [];
  while (walker.nextNode()) {
    const text = walker.currentNode.textContent?.trim();
    if (text) words.push(text);
  }
  return words.join(' ');
}
