import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';

import { AppShell } from './app-shell';

describe('AppShell', () => {
  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideRouter([])] });
  });

  it('names the app in the toolbar and links to every screen in the navigation', async () => {
    const fixture = TestBed.createComponent(AppShell);
    await fixture.whenStable();
    const sut = fixture.nativeElement as HTMLElement;

    expect(sut.querySelector('mat-toolbar')?.textContent).toContain('Relief Ledger');
    const links = Array.from(sut.querySelectorAll<HTMLAnchorElement>('nav[aria-label="Main"] a'));
    expect(links.map((link) => [link.textContent?.trim(), link.getAttribute('href')])).toEqual([['Camps', '/camps']]);
  });
});
