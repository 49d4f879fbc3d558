import { provideHttpClient, withFetch } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { Role } from '@relief-ledger/domain';

import { signInAs } from '../../core/auth/testing/session-fixtures';
import { LiveEvents } from '../../core/live/live-events';
import { FakeEventSource, provideFakeEventSources } from '../../core/live/testing/fake-event-source';
import { provideFixedClock } from '../../convoys/testing/fixed-clock';
import { wordsIn } from '../../shared/testing/words-in';
import { VIEWER_TIME_ZONE } from '../../shared/time/zoned-time';
import { aPauseWindow, aPauseWindowDetail, aWindowEvent } from '../testing/pause-window-fixtures';
import { PauseWindowPage } from './pause-window-page';

describe('PauseWindowPage', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;
  let streams: FakeEventSource[];

  beforeEach(() => {
    streams = [];
    TestBed.configureTestingModule({
      providers: [
        provideFixedClock(new Date('2019-12-23T14:00:00.000Z')).provider,
        provideFakeEventSources(streams),
        { provide: VIEWER_TIME_ZONE, useValue: 'Europe/Berlin' },
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
        provideHttpClient(withFetch()),
        provideHttpClientTesting(),
        provideRouter([{ path: 'pause-windows/:id', component: PauseWindowPage }], withComponentInputBinding()),
      ],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  async function openWindow(role: Role = 'coordinator', id = 'window-1'): Promise<HTMLElement> {
    signInAs(role);
    TestBed.inject(LiveEvents);
    harness = await RouterTestingHarness.create();
    await harness.navigateByUrl(`/pause-windows/${id}`, PauseWindowPage);
    await harness.fixture.whenStable();
    return harness.routeNativeElement as HTMLElement;
  }

  async function answer(window = aPauseWindowDetail()): Promise<void> {
    http.expectOne(`/api/v1/pause-windows/${window.id}`).flush(window);
    await harness.fixture.whenStable();
  }

  it("shows where and when it holds, in its zone's time and the viewer's, with its status and countdown", async () => {
    const sut = await openWindow();
    await answer();

    expect(sut.querySelector('h1')?.textContent).toContain('Russia and the regime, notified to the UN');
    expect(wordsIn(sut)).toContain('In force ends in 2 h 00 min');
    expect(wordsIn(sut)).toContain('Until 18:00 Damascus (UTC+02:00), Mon, 23 Dec 2019 · 17:00 Berlin (UTC+01:00) your time');
    expect(wordsIn(sut)).toContain("Routes Ma'arat al-Num'an to Sarmada");
  });

  it('lists the history newest first, with who, when and each change in words', async () => {
    const sut = await openWindow();
    await answer(
      aPauseWindowDetail({
        history: [
          aWindowEvent(),
          aWindowEvent({
            id: 'event-2',
            kind: 'ended',
            version: 2,
            recordedAt: '2019-12-23T13:05:00.000Z',
            recordedBy: null,
            recordedByOrganisation: 'Kids Paradise',
            source: 'OCHA flash update 3',
            changes: [
              { field: 'endsAt', from: '2019-12-23T16:00:00.000Z', to: '2019-12-23T13:00:00.000Z' },
              { field: 'violatedAt', from: '2019-12-23T14:30:00.000Z', to: '' },
            ],
          }),
        ],
      }),
    );

    const entries = Array.from(sut.querySelectorAll('ol.history > li')).map((entry) => wordsIn(entry));
    expect(entries[0]).toContain('Ended early · by Kids Paradise');
    expect(entries[0]).toContain('15:05 Damascus (UTC+02:00), Mon, 23 Dec 2019');
    expect(entries[0]).toContain('Ends: 18:00 Damascus, Mon, 23 Dec 2019 → 15:00 Damascus, Mon, 23 Dec 2019');
    // The strike at 16:30 came after the end it was given: the window was not broken after all.
    expect(entries[0]).toContain('Violated: 16:30 Damascus, Mon, 23 Dec 2019 → not violated');
    expect(entries[0]).toContain('Source: OCHA flash update 3');
    expect(entries[1]).toContain('Entered · by Mariam Haddad, Humanitarian Relief Organization');
  });

  const actions = (sut: HTMLElement) => Array.from(sut.querySelectorAll('.actions a, .actions button')).map((action) => wordsIn(action));

  it('offers End early and Correct to coordinators while it holds', async () => {
    const sut = await openWindow();
    await answer();

    expect(actions(sut)).toEqual(['End early', 'Correct']);
  });

  it('offers only Correct once it has ended', async () => {
    const sut = await openWindow();
    await answer(aPauseWindowDetail({ status: 'ended', endsAt: '2019-12-23T12:00:00.000Z' }));

    expect(actions(sut)).toEqual(['Correct']);
  });

  it('offers neither to field staff', async () => {
    const sut = await openWindow('field');
    await answer();

    expect(sut.querySelector('.actions')).toBeNull();
  });

  it('links to the incident that broke it', async () => {
    const sut = await openWindow();
    await answer(aPauseWindowDetail({ status: 'violated', violatedAt: '2019-12-23T13:10:00.000Z', violatedByIncidentId: 'incident-1' }));

    expect(wordsIn(sut)).toContain('Violated at 15:10 Damascus');
    expect(sut.querySelector('a[href="/incidents/incident-1"]')?.textContent).toContain('Open the incident that broke it');
  });

  it('says "Not found" with a way back for an unknown window', async () => {
    const sut = await openWindow();
    http.expectOne('/api/v1/pause-windows/window-1').flush({ type: 'about:blank', title: 'Pause window not found', status: 404, code: 'pause_window.not_found' }, { status: 404, statusText: 'Not Found' });
    await harness.fixture.whenStable();

    expect(sut.querySelector('[role="alert"] h1')?.textContent).toBe('Not found');
    expect(sut.querySelector('[role="alert"] a')?.getAttribute('href')).toBe('/pause-windows');
  });

  it('loads again when the stream says this window ended, not for another one', async () => {
    await openWindow();
    await answer();

    streams[0].send({ type: 'window.ended', window: aPauseWindow({ id: 'window-9' }) });
    http.expectNone('/api/v1/pause-windows/window-1');
    streams[0].send({ type: 'window.ended', window: aPauseWindow({ status: 'ended' }) });
    await answer(aPauseWindowDetail({ status: 'ended' }));
  });
});
