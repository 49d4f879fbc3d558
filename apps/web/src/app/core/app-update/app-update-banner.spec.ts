import { provideHttpClient, withFetch } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { SwUpdate, VersionEvent } from '@angular/service-worker';
import { Subject } from 'rxjs';

import { AppUpdate } from './app-update';
import { AppUpdateBanner } from './app-update-banner';

@Component({ template: '' })
class PageStub {}

describe('AppUpdateBanner', () => {
  let versionUpdates: Subject<VersionEvent>;
  let activateUpdate: jest.Mock<Promise<boolean>, []>;
  let fixture: ComponentFixture<AppUpdateBanner>;

  beforeEach(async () => {
    versionUpdates = new Subject<VersionEvent>();
    activateUpdate = jest.fn(() => Promise.resolve(true));
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withFetch()),
        provideHttpClientTesting(),
        provideRouter([{ path: 'convoys', component: PageStub }]),
        { provide: SwUpdate, useValue: { isEnabled: true, versionUpdates, unrecoverable: new Subject(), activateUpdate } },
      ],
    });
    fixture = TestBed.createComponent(AppUpdateBanner);
    await fixture.whenStable();
  });

  function bar(): HTMLElement | null {
    return (fixture.nativeElement as HTMLElement).querySelector('.bar');
  }

  function button(label: string): HTMLButtonElement | undefined {
    return Array.from((fixture.nativeElement as HTMLElement).querySelectorAll('button')).find((candidate) => candidate.textContent?.trim() === label);
  }

  it('shows nothing until there is something to say', () => {
    expect(bar()).toBeNull();
  });

  it('announces a new version once it is ready, and leaves taking it to the person', async () => {
    versionUpdates.next({ type: 'VERSION_DETECTED', version: { hash: 'b' } });
    await fixture.whenStable();
    expect(bar()).toBeNull();

    versionUpdates.next({ type: 'VERSION_READY', currentVersion: { hash: 'a' }, latestVersion: { hash: 'b' } });
    await fixture.whenStable();

    expect(bar()?.getAttribute('role')).toBe('status');
    expect(bar()?.textContent).toContain('A new version is ready.');
    expect(button('Reload')).toBeDefined();
    expect(activateUpdate).not.toHaveBeenCalled();

    button('Later')!.click();
    await fixture.whenStable();
    expect(bar()).toBeNull();
  });

  it('says a screen could not be loaded, and tries it again on Retry', async () => {
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigateByUrl');
    TestBed.inject(AppUpdate).screenFailed('/convoys');
    await fixture.whenStable();

    expect(bar()?.getAttribute('role')).toBe('alert');
    expect(bar()?.textContent).toContain('This screen could not be loaded');

    button('Retry')!.click();
    await fixture.whenStable();

    expect(navigate).toHaveBeenCalledWith('/convoys');
    expect(bar()).toBeNull();
  });
});
