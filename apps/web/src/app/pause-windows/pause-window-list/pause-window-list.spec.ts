import { provideHttpClient, withFetch } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { WritableSignal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { Role } from '@relief-ledger/domain';
import { of } from 'rxjs';

import { signInAs } from '../../core/auth/testing/session-fixtures';
import { LiveEvents } from '../../core/live/live-events';
import { FakeEventSource, provideFakeEventSources } from '../../core/live/testing/fake-event-source';
import { provideFixedClock } from '../../convoys/testing/fixed-clock';
import { LookupsApi } from '../../shared/lookups/lookups-api';
import { aRoute } from '../../shared/lookups/testing/lookup-fixtures';
import { wordsIn } from '../../shared/testing/words-in';
import { VIEWER_TIME_ZONE } from '../../shared/time/zoned-time';
import { aPage, aPauseWindow } from '../testing/pause-window-fixtures';
import { PauseWindowList } from './pause-window-list';

describe('PauseWindowList', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;
  let streams: FakeEventSource[];
  let now: WritableSignal<Date>;

  beforeEach(() => {
    streams = [];
    const clock = provideFixedClock(new Date('2019-12-23T14:00:00.000Z'));
    now = clock.now;
    TestBed.configureTestingModule({
      providers: [
        clock.provider,
        provideFakeEventSources(streams),
        { provide: VIEWER_TIME_ZONE, useValue: 'Europe/Berlin' },
        { provide: LookupsApi, useValue: { listRoutes: () => of([aRoute()]) } },
        provideHttpClient(withFetch()),
        provideHttpClientTesting(),
        provideRouter([{ path: 'pause-windows', component: PauseWindowList }], withComponentInputBinding()),
      ],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  async function openList(url = '/pause-windows', role: Role = 'coordinator'): Promise<HTMLElement> {
    signInAs(role);
    TestBed.inject(LiveEvents);
    harness = await RouterTestingHarness.create();
    await harness.navigateByUrl(url, PauseWindowList);
    await harness.fixture.whenStable();
    return harness.routeNativeElement as HTMLElement;
  }

  async function answer(windows = [aPauseWindow()]): Promise<void> {
    http.expectOne((req) => req.url === '/api/v1/pause-windows').flush(aPage(windows));
    await harness.fixture.whenStable();
  }

  function cards(sut: HTMLElement): string[] {
    return Array.from(sut.querySelectorAll('ul[aria-label="Pause windows"] > li')).map((card) => wordsIn(card));
  }

  it("shows a window in force with a countdown to its end, in its zone's time and the viewer's", async () => {
    const sut = await openList();
    await answer();

    const card = cards(sut)[0];
    expect(card).toContain('In force ends in 2 h 00 min');
    expect(card).toContain('Until 18:00 Damascus (UTC+02:00), Mon, 23 Dec 2019 · 17:00 Berlin (UTC+01:00) your time');
    expect(card).toContain("Routes Ma'arat al-Num'an to Sarmada");
    expect(card).toContain("Areas Maarrat al-Nu'man (SY0702)");
  });

  it('moves a window on to ended as the clock passes its end, without a reload', async () => {
    const sut = await openList();
    await answer();

    now.set(new Date('2019-12-23T16:05:00.000Z'));
    await harness.fixture.whenStable();

    expect(cards(sut)[0]).toContain('Ended ended 5 min 00 s ago');
  });

  it('marks a violated window', async () => {
    const sut = await openList();
    await answer([aPauseWindow({ status: 'violated', violatedAt: '2019-12-23T13:10:00.000Z' })]);

    expect(cards(sut)[0]).toContain('Violated at 15:10 Damascus today: not to be trusted again.');

    // Seen on another day, it carries its date.
    now.set(new Date('2019-12-24T09:00:00.000Z'));
    await harness.fixture.whenStable();
    expect(cards(sut)[0]).toContain('Violated at 15:10 Damascus, Mon, 23 Dec 2019: not to be trusted again.');
  });

  it('offers to announce a window to coordinators only', async () => {
    const sut = await openList('/pause-windows', 'field');
    await answer();

    expect(Array.from(sut.querySelectorAll('a')).map((link) => wordsIn(link))).not.toContain('Announce a window');
  });

  it('filters by status and route through the address', async () => {
    await openList(`/pause-windows?status=upcoming&routeId=${aRoute().id}`);

    const request = http.expectOne((req) => req.url === '/api/v1/pause-windows');
    expect(request.request.params.toString()).toBe(`status=upcoming&routeId=${aRoute().id}&page=1&pageSize=20`);
    request.flush(aPage([]));
  });

  it('loads again when the stream announces a window', async () => {
    await openList();
    await answer([]);

    streams[0].send({ type: 'window.announced', window: aPauseWindow() });

    http.expectOne((req) => req.url === '/api/v1/pause-windows').flush(aPage([aPauseWindow()]));
  });
});
