import { BreakpointObserver, BreakpointState } from '@angular/cdk/layout';
import { provideHttpClient, withFetch } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { Role } from '@relief-ledger/domain';
import { BehaviorSubject } from 'rxjs';

import { SessionStore } from '../auth/session-store';
import { signInAs } from '../auth/testing/session-fixtures';
import { FakeEventSource, provideFakeEventSources } from '../live/testing/fake-event-source';
import { Outbox } from '../outbox/outbox';
import { SignedInLayout } from './signed-in-layout';
import { BARE_LAYOUT } from './bare-layout';

@Component({ template: '' })
class PageStub {}

describe('SignedInLayout', () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<SignedInLayout>;
  let layout: BehaviorSubject<BreakpointState>;
  let streams: FakeEventSource[];

  beforeEach(() => {
    layout = new BehaviorSubject<BreakpointState>({ matches: false, breakpoints: {} });
    streams = [];
    TestBed.configureTestingModule({
      providers: [
        provideFakeEventSources(streams),
        { provide: BreakpointObserver, useValue: { observe: () => layout } },
        provideHttpClient(withFetch()),
        provideHttpClientTesting(),
        provideRouter([
          { path: 'sign-in', component: PageStub },
          { path: 'camps', component: PageStub },
          { path: 'distributions', component: PageStub },
          { path: 'distributions/new', component: PageStub },
          { path: 'reports/:report/print', component: PageStub, data: BARE_LAYOUT },
        ]),
      ],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  async function openLayout(role?: Role): Promise<HTMLElement> {
    if (role) signInAs(role, { name: 'Layla Haddad' });
    fixture = TestBed.createComponent(SignedInLayout);
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  function navLinks(sut: HTMLElement): Array<[string | undefined, string | null]> {
    return Array.from(sut.querySelectorAll<HTMLAnchorElement>('nav[aria-label="Main"] a')).map((link) => [
      link.textContent?.trim(),
      link.getAttribute('href'),
    ]);
  }

  function accountLinks(root: Element): Array<[string | undefined, string | null]> {
    return Array.from(root.querySelectorAll<HTMLAnchorElement>('a[href^="/account/"]')).map((link) => [link.textContent?.trim(), link.getAttribute('href')]);
  }

  function signOutButton(sut: Element): HTMLButtonElement | undefined {
    return Array.from(sut.querySelectorAll<HTMLButtonElement>('button')).find((button) => button.textContent?.trim() === 'Sign out');
  }

  it('names the app, the user and their organisation in the toolbar', async () => {
    const sut = await openLayout('coordinator');

    const toolbar = sut.querySelector('mat-toolbar')!;
    expect(toolbar.querySelector('.app-name')?.textContent).toBe('Relief Ledger');
    expect(toolbar.querySelector('.user-name')?.textContent).toBe('Layla Haddad');
    expect(toolbar.querySelector('abbr')?.textContent).toBe('HRO');
    expect(toolbar.querySelector('abbr')?.getAttribute('title')).toBe('Humanitarian Relief Organization');
  });

  it('links a coordinator to the overview, camps, distributions, stock, convoys, routes, pause windows, incidents and reports', async () => {
    const sut = await openLayout('coordinator');

    expect(navLinks(sut)).toEqual([
      ['Overview', '/overview'],
      ['Camps', '/camps'],
      ['Log distribution', '/distributions/new'],
      ['Distributions', '/distributions'],
      ['Stock', '/stock'],
      ['Convoys', '/convoys'],
      ['Routes', '/routes'],
      ['Pause windows', '/pause-windows'],
      ['Report incident', '/incidents/new'],
      ['Incidents', '/incidents'],
      ['Reports', '/reports'],
      ['Outbox', '/outbox'],
    ]);
  });

  it('links field staff to logging distributions and reporting incidents, and hides Admin', async () => {
    const sut = await openLayout('field');

    expect(navLinks(sut).map(([label]) => label)).toEqual([
      'Overview',
      'Camps',
      'Log distribution',
      'Distributions',
      'Stock',
      'Convoys',
      'Routes',
      'Pause windows',
      'Report incident',
      'Incidents',
      'Outbox',
    ]);
  });

  it('links an administrator to the admin page too, but not to logging distributions or reporting incidents', async () => {
    const sut = await openLayout('admin');

    expect(navLinks(sut)).toEqual([
      ['Overview', '/overview'],
      ['Camps', '/camps'],
      ['Distributions', '/distributions'],
      ['Stock', '/stock'],
      ['Convoys', '/convoys'],
      ['Routes', '/routes'],
      ['Pause windows', '/pause-windows'],
      ['Incidents', '/incidents'],
      ['Outbox', '/outbox'],
      ['Admin', '/admin'],
    ]);
  });

  it('links a manager to reports, and to the admin page for its audit trail', async () => {
    const sut = await openLayout('manager');

    expect(navLinks(sut).map(([label]) => label)).toEqual([
      'Overview',
      'Camps',
      'Distributions',
      'Stock',
      'Convoys',
      'Routes',
      'Pause windows',
      'Incidents',
      'Reports',
      'Outbox',
      'Admin',
    ]);
  });

  it("links a manager to their own API tokens beside the password, but not an administrator, who has the Admin page's", async () => {
    const manager = await openLayout('manager');
    expect(accountLinks(manager.querySelector('mat-toolbar')!)).toEqual([
      ['Change password', '/account/password'],
      ['My API tokens', '/account/api-tokens'],
    ]);

    fixture.destroy();
    const admin = await openLayout('admin');
    expect(accountLinks(admin.querySelector('mat-toolbar')!)).toEqual([['Change password', '/account/password']]);
  });

  it('shows a print view alone, without the toolbar and the navigation', async () => {
    const sut = await openLayout('manager');

    await TestBed.inject(Router).navigateByUrl('/reports/4w/print');
    await fixture.whenStable();

    expect(sut.querySelector('mat-toolbar')).toBeNull();
    expect(sut.querySelector('mat-sidenav')).toBeNull();
    expect(sut.querySelector('nav[aria-label="Main"]')).toBeNull();

    await TestBed.inject(Router).navigateByUrl('/camps');
    await fixture.whenStable();
    expect(sut.querySelector('mat-toolbar')).not.toBeNull();
    expect(navLinks(sut).length).toBeGreaterThan(0);
  });

  it('shows whether live updates are coming through', async () => {
    const sut = await openLayout('field');

    expect(sut.querySelector('mat-toolbar [role="status"]')?.textContent?.trim()).toBe('Connecting…');
    streams[0].open();
    await fixture.whenStable();
    expect(sut.querySelector('mat-toolbar [role="status"]')?.textContent?.trim()).toBe('Live');
    streams[0].fail();
    await fixture.whenStable();
    expect(sut.querySelector('mat-toolbar [role="status"]')?.textContent?.trim()).toBe('Reconnecting…');
  });

  it('marks only "Log distribution" as the current page on the form, not "Distributions" too', async () => {
    const sut = await openLayout('field');

    await TestBed.inject(Router).navigateByUrl('/distributions/new');
    await fixture.whenStable();

    const current = Array.from(sut.querySelectorAll('nav[aria-label="Main"] a[aria-current="page"]')).map((link) => link.textContent?.trim());
    expect(current).toEqual(['Log distribution']);
  });

  it('links to changing the password beside Sign out', async () => {
    const sut = await openLayout('field');

    const link = Array.from(sut.querySelectorAll<HTMLAnchorElement>('mat-toolbar a')).find((a) => a.textContent?.trim() === 'Change password');
    expect(link?.getAttribute('href')).toBe('/account/password');
    expect(signOutButton(sut.querySelector('mat-toolbar')!)).toBeDefined();
  });

  it('shows no navigation and no user when signed out', async () => {
    const sut = await openLayout();

    expect(sut.querySelector('nav[aria-label="Main"]')).toBeNull();
    expect(signOutButton(sut)).toBeUndefined();
    expect(sut.querySelector('a[href="/account/password"]')).toBeNull();
    expect(sut.querySelector('button[aria-label="Menu"]')).toBeNull();
  });

  it('puts the user, the organisation and Sign out in the drawer on a phone', async () => {
    layout.next({ matches: true, breakpoints: {} });
    const sut = await openLayout('field');

    expect(sut.querySelector('mat-toolbar .user-name')).toBeNull();
    const account = sut.querySelector('mat-sidenav .account')?.textContent;
    expect(account).toContain('Layla Haddad');
    expect(account).toContain('Field staff · Humanitarian Relief Organization (HRO)');
    expect(signOutButton(sut.querySelector('mat-sidenav')!)).toBeDefined();
    expect(sut.querySelector('mat-sidenav .account a[href="/account/password"]')?.textContent?.trim()).toBe('Change password');
    expect(sut.querySelector('button[aria-label="Menu"]')).not.toBeNull();
  });

  it('signs out and opens the sign-in page', async () => {
    const sut = await openLayout('coordinator');

    signOutButton(sut)!.click();
    http.expectOne({ method: 'POST', url: '/api/v1/auth/sign-out' }).flush(null, { status: 204, statusText: 'No Content' });
    await fixture.whenStable();

    expect(TestBed.inject(Router).url).toBe('/sign-in');
    expect(TestBed.inject(SessionStore).signedIn()).toBe(false);
    expect(navLinks(sut)).toEqual([]);
    expect(streams[0].closed).toBe(true);
  });

  it('says so and stays signed in when the sign-out did not reach the server', async () => {
    const sut = await openLayout('coordinator');

    signOutButton(sut)!.click();
    http.expectOne('/api/v1/auth/sign-out').error(new ProgressEvent('error'));
    await fixture.whenStable();

    expect(document.querySelector('mat-snack-bar-container')?.textContent).toContain('Not signed out');
    expect(TestBed.inject(SessionStore).signedIn()).toBe(true);
  });

  describe('with entries not sent yet', () => {
    async function keepOneEntry(): Promise<void> {
      jest.spyOn(window.navigator, 'onLine', 'get').mockReturnValue(false);
      const body = { clientId: 'c1', quantity: 20 };
      await new Promise<void>((resolve) =>
        TestBed.inject(Outbox).send({ kind: 'distribution', url: '/api/v1/distributions', body, summary: '20 family tents' }, () => undefined).subscribe({ complete: resolve }),
      );
      await fixture.whenStable();
    }

    afterEach(() => jest.restoreAllMocks());

    it('counts them in the toolbar on every screen, linking to the outbox', async () => {
      const sut = await openLayout('field');
      expect(sut.querySelector('rl-outbox-badge [data-outbox-count]')?.textContent?.trim()).toBe('0');
      // Its spoken name holds the number shown (label in name, WCAG 2.5.3), nothing waiting or not.
      expect(sut.querySelector('rl-outbox-badge a')?.getAttribute('aria-label')).toBe('Outbox: 0 entries, nothing waiting');

      await keepOneEntry();

      const badge = sut.querySelector<HTMLAnchorElement>('rl-outbox-badge a')!;
      expect(badge.querySelector('[data-outbox-count]')?.textContent?.trim()).toBe('1');
      expect(badge.getAttribute('href')).toBe('/outbox');
      expect(badge.getAttribute('aria-label')).toBe('Outbox: 1 entry not sent yet');
    });

    it('warns before signing out, and keeps them when the user goes ahead', async () => {
      const sut = await openLayout('field');
      await keepOneEntry();

      signOutButton(sut)!.click();
      await fixture.whenStable();
      http.expectNone('/api/v1/auth/sign-out');
      expect(document.querySelector('mat-dialog-container')?.textContent).toContain('1 entry made on this phone has not reached the server yet');

      Array.from(document.querySelectorAll<HTMLButtonElement>('mat-dialog-container button')).find((button) => button.textContent?.trim() === 'Sign out, keep them')!.click();
      // The dialog says it closed once its closing animation ran.
      for (let turn = 0; turn < 5; turn++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        await fixture.whenStable();
      }
      http.expectOne({ method: 'POST', url: '/api/v1/auth/sign-out' }).flush(null, { status: 204, statusText: 'No Content' });
      await fixture.whenStable();

      expect(TestBed.inject(SessionStore).signedIn()).toBe(false);
      signInAs('field', { name: 'Layla Haddad' });
      expect(TestBed.inject(Outbox).entries().map((entry) => entry.id)).toEqual(['c1']);
    });
  });
});
