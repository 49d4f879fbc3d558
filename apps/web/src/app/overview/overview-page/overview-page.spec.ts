import { BreakpointObserver, BreakpointState } from '@angular/cdk/layout';
import { DOCUMENT } from '@angular/common';
import { provideHttpClient, withFetch } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { WritableSignal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { OverviewResponse } from '@relief-ledger/domain';
import { BehaviorSubject, of, Subject } from 'rxjs';

import { signInAs } from '../../core/auth/testing/session-fixtures';
import { LiveEvents } from '../../core/live/live-events';
import { FakeEventSource, provideFakeEventSources } from '../../core/live/testing/fake-event-source';
import { aConvoy } from '../../convoys/testing/convoy-fixtures';
import { provideFixedClock } from '../../convoys/testing/fixed-clock';
import { anIncident } from '../../incidents/testing/incident-fixtures';
import { aPauseWindow } from '../../pause-windows/testing/pause-window-fixtures';
import { ChartClass, LOAD_CHART } from '../../shared/charts/bar-chart';
import { FieldKitStore } from '../../shared/field-kit/field-kit-store';
import { aFieldKit } from '../../shared/field-kit/testing/field-kit-fixtures';
import { wordsIn } from '../../shared/testing/words-in';
import { VIEWER_TIME_ZONE } from '../../shared/time/zoned-time';
import { anOverview, aStockAlert, NOW } from '../testing/overview-fixtures';
import { OVERVIEW_REFRESH, OVERVIEW_REFRESH_MS, OverviewPage, refreshWhileOnScreen } from './overview-page';

class ChartStub {
  destroy(): void {}
  update(): void {}
}

describe('OverviewPage', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;
  let streams: FakeEventSource[];
  let now: WritableSignal<Date>;
  let layout: BehaviorSubject<BreakpointState>;
  let refresh: Subject<void>;

  beforeEach(() => {
    streams = [];
    refresh = new Subject();
    layout = new BehaviorSubject<BreakpointState>({ matches: false, breakpoints: {} });
    const clock = provideFixedClock(NOW);
    now = clock.now;
    TestBed.configureTestingModule({
      providers: [
        clock.provider,
        provideFakeEventSources(streams),
        { provide: VIEWER_TIME_ZONE, useValue: 'Europe/Berlin' },
        { provide: BreakpointObserver, useValue: { observe: () => layout } },
        { provide: OVERVIEW_REFRESH, useValue: refresh },
        // The phone's copy, read an hour before NOW (16:00 Damascus): one window in force, one convoy.
        { provide: FieldKitStore, useValue: { load: () => of({ kit: aFieldKit({ asOf: '2019-12-23T13:00:00.000Z', windowsInForce: [aPauseWindow()], convoys: [{ ...aConvoy(), windows: [] }] }), fromCache: true }) } },
        { provide: LOAD_CHART, useValue: () => Promise.resolve(ChartStub as unknown as ChartClass) },
        provideHttpClient(withFetch()),
        provideHttpClientTesting(),
        provideRouter([{ path: 'overview', component: OverviewPage }], withComponentInputBinding()),
      ],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  async function openOverview(overview: OverviewResponse = anOverview()): Promise<HTMLElement> {
    signInAs('manager');
    TestBed.inject(LiveEvents);
    harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/overview', OverviewPage);
    await answer(overview);
    return harness.routeNativeElement as HTMLElement;
  }

  async function answer(overview: OverviewResponse = anOverview()): Promise<void> {
    http.expectOne('/api/v1/overview').flush(overview);
    await harness.fixture.whenStable();
  }

  function block(sut: HTMLElement, heading: string): HTMLElement {
    const found = Array.from(sut.querySelectorAll<HTMLElement>('section')).find((section) => section.querySelector('h2')?.textContent?.trim() === heading);
    if (!found) throw new Error(`no block "${heading}"`);
    return found;
  }

  function items(element: Element, selector = 'li'): string[] {
    return Array.from(element.querySelectorAll(selector)).map((item) => wordsIn(item));
  }

  it('shows the blocks that answer "what needs me now?", each linking to its screen', async () => {
    const sut = await openOverview();

    expect(Array.from(sut.querySelectorAll('h2')).map((heading) => heading.textContent?.trim())).toEqual([
      'Pause windows in force',
      'Our convoys on the road and leaving today',
      'Incidents in the last 72 hours',
      'Stock alerts',
      'Camps, worst first',
      'People reached',
    ]);
    expect(Array.from(sut.querySelectorAll('.block-head a')).map((link) => link.getAttribute('href'))).toEqual([
      '/pause-windows',
      '/convoys',
      '/incidents',
      '/stock',
      '/camps',
      '/distributions',
    ]);
    expect(wordsIn(sut.querySelector('.updated'))).toBe('Humanitarian Relief Organization · updated 16:00 Damascus');
  });

  it("shows a window in force ending on the announced clock and the viewer's, counting down", async () => {
    const sut = await openOverview();

    const windows = block(sut, 'Pause windows in force');
    expect(items(windows)).toEqual([
      "In force ends in 2 h 00 min Russia and the regime, notified to the UN Until 18:00 Damascus (UTC+02:00), Mon, 23 Dec 2019 · 17:00 Berlin (UTC+01:00) your time Ma'arat al-Num'an to Sarmada",
    ]);

    now.set(new Date('2019-12-23T15:50:00.000Z'));
    await harness.fixture.whenStable();
    expect(wordsIn(windows.querySelector('.countdown'))).toBe('ends in 10 min 00 s');
    expect(windows.querySelector('.countdown')?.classList).toContain('rl-alert-text');
  });

  it('lists the windows broken in the last 72 hours', async () => {
    const broken = aPauseWindow({ id: 'window-0', status: 'violated', violatedAt: '2019-12-23T14:30:00.000Z' });
    const sut = await openOverview(anOverview({ windows: { inForce: [], recentlyViolated: [broken] } }));

    const windows = block(sut, 'Pause windows in force');
    expect(wordsIn(windows.querySelector('.nothing'))).toBe('No pause window is in force: no convoy trip is covered now.');
    expect(items(windows)).toEqual([
      "Violated 16:30 Damascus, Mon, 23 Dec 2019 Russia and the regime, notified to the UN Ma'arat al-Num'an to Sarmada",
    ]);
  });

  it('shows our convoys, overdue first, with the next check-in and the cover, linked to their page', async () => {
    const late = aConvoy({ id: 'convoy-late', name: 'Supply Atmeh 2', nextCheckInDueAt: '2019-12-23T13:50:00.000Z', overdue: true });
    const sut = await openOverview(anOverview({ convoys: { own: [aConvoy({ nextCheckInDueAt: '2019-12-23T14:20:00.000Z' }), late], othersByStatus: {} } }));

    const convoys = block(sut, 'Our convoys on the road and leaving today');
    expect(items(convoys, 'ul[aria-label="Our convoys"] li')).toEqual([
      "Supply Atmeh 2 On the road Ma'arat al-Num'an → Sarmada · departed 15:30 Damascus today Check-in overdue 15:50 Damascus (10 min 00 s ago) Covered until 18:00 Damascus (in 2 h 00 min)",
      "Evacuation Maaret north 3 On the road Ma'arat al-Num'an → Sarmada · departed 15:30 Damascus today Next check-in 16:20 Damascus (in 20 min 00 s) Covered until 18:00 Damascus (in 2 h 00 min)",
    ]);
    expect(convoys.querySelector('a.rl-card')?.getAttribute('href')).toBe('/convoys/convoy-late');
    expect(convoys.querySelector('a.rl-card')?.classList).toContain('overdue');
  });

  it("counts the other organisations' convoys by status, never naming them", async () => {
    const sut = await openOverview();

    expect(items(block(sut, 'Our convoys on the road and leaving today'), 'ul.counts li')).toEqual(['2 Planned', '1 On the road']);
  });

  it('says so when there is nothing on the road', async () => {
    const sut = await openOverview(anOverview({ convoys: { own: [], othersByStatus: {} } }));

    const convoys = block(sut, 'Our convoys on the road and leaving today');
    expect(items(convoys, '.nothing')).toEqual(['None of our convoys is on the road or planned for today.', 'None planned or on the road.']);
  });

  it('lists the incidents of the last 72 hours with when, where and casualties', async () => {
    const sut = await openOverview(anOverview({ incidents: [anIncident({ killed: 2 })] }));

    const incidents = block(sut, 'Incidents in the last 72 hours');
    expect(items(incidents)).toEqual([
      "Airstrike · 15:10 Damascus, Mon, 23 Dec 2019 Ma'arat al-Num'an to Sarmada · Between Maaret and Ariha on the M5 2 killed, 4 injured Humanitarian Relief Organization",
    ]);
  });

  it('shows the camps worst first beside the Sphere references, marking what is short', async () => {
    const sut = await openOverview();

    const camps = block(sut, 'Camps, worst first');
    expect(items(camps, 'thead th')).toEqual([
      'Camp',
      'Households',
      'Family tents Sphere: one tent for 5 people',
      'Days of food Sphere: 2,100 kcal a person a day',
    ]);
    const rows = Array.from(camps.querySelectorAll('tbody tr'));
    expect(rows.map((row) => items(row, 'td'))).toEqual([
      ['Atmeh border camp (new) مخيم أطمة الحدودي', '840', '500 on site, 340 needed', '3 days'],
      ['Sarmada north camp مخيم سرمدا الشمالي', '500', '500 on site, none needed', '26 days'],
    ]);
    expect(Array.from(rows[0].querySelectorAll('td.rl-alert-text')).length).toBe(2);
    expect(rows[0].querySelector('a')?.getAttribute('href')).toBe(`/camps/${anOverview().camps[0].id}`);
  });

  it('shows the camps as cards on a phone, each figure beside its Sphere reference', async () => {
    layout.next({ matches: true, breakpoints: {} });
    const sut = await openOverview();

    const camps = block(sut, 'Camps, worst first');
    expect(camps.querySelector('table')).toBeNull();
    expect(items(camps)[0]).toBe(
      'Atmeh border camp (new) مخيم أطمة الحدودي 840 households, 4,200 people Tents: 500 on site, 340 needed · Sphere: a family tent for 5 Food: 3 days · Sphere: 2,100 kcal a person a day',
    );
  });

  it('shows each stock alert with its level and why, linked to the ledger of that item', async () => {
    const empty = aStockAlert({ stockPointId: 'sp-2', stockPointName: 'Sarmada warehouse', level: 0, daysOfCover: null, reason: 'empty_while_camps_short', shortCamps: ['Atmeh border camp (new)'] });
    const sut = await openOverview(anOverview({ stockAlerts: [aStockAlert(), empty] }));

    const stock = block(sut, 'Stock alerts');
    expect(items(stock)).toEqual([
      "Atmeh camp store · Family food parcel سلة غذائية عائلية 120 family food parcels left 3 days of cover at the last 14 days' rate; the alert is below 7 days",
      'Sarmada warehouse · Family food parcel سلة غذائية عائلية 0 family food parcels left Empty while 1 camp is short: Atmeh border camp (new)',
    ]);
    expect(stock.querySelector('li a')?.getAttribute('href')).toBe(`/stock/${aStockAlert().stockPointId}?itemId=${aStockAlert().itemId}`);
  });

  it('shows the people reached this week and last, with the totals in words for the chart', async () => {
    const sut = await openOverview();
    await new Promise((resolve) => setTimeout(resolve, 50));
    await harness.fixture.whenStable();

    const reached = block(sut, 'People reached');
    expect(wordsIn(reached.querySelector('.totals'))).toBe('This week 1,240 Last week 3,100');
    expect(reached.querySelector('rl-bar-chart canvas')).not.toBeNull();
    expect(wordsIn(reached.querySelector('figcaption'))).toBe('This week so far 1,240 people reached; last week 3,100 people.');
  });

  it('loads again on live events, after a gap in the stream, and every so often', async () => {
    await openOverview();

    streams[0].send({ type: 'convoy.status', convoyId: 'c', organisationId: 'org-kp', organisationName: 'Kids Paradise', status: 'arrived', event: null });
    await answer();
    streams[0].send({ type: 'incident.reported', incident: anIncident() });
    await answer();
    streams[0].send({ type: 'window.violated', window: aPauseWindow() });
    await answer();
    refresh.next();
    await answer();
  });

  it('loads again every minute only while on screen, and as soon as it is back on screen', () => {
    jest.useFakeTimers();
    try {
      const ticks: unknown[] = [];
      const document = TestBed.inject(DOCUMENT);
      let state: DocumentVisibilityState = 'visible';
      jest.spyOn(document, 'visibilityState', 'get').mockImplementation(() => state);
      const sut = TestBed.runInInjectionContext(refreshWhileOnScreen);
      const subscription = sut.subscribe((tick) => ticks.push(tick));

      jest.advanceTimersByTime(OVERVIEW_REFRESH_MS);
      state = 'hidden';
      jest.advanceTimersByTime(OVERVIEW_REFRESH_MS);
      state = 'visible';
      document.dispatchEvent(new Event('visibilitychange'));
      subscription.unsubscribe();

      expect(ticks).toHaveLength(2);
    } finally {
      jest.useRealTimers();
    }
  });

  it('says what went wrong and offers to try again, with no field kit to fall back on', async () => {
    // A manager has no field kit: the network problem as it is.
    signInAs('manager');
    harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/overview', OverviewPage);
    http.expectOne('/api/v1/overview').error(new ProgressEvent('error'));
    await harness.fixture.whenStable();

    const sut = harness.routeNativeElement as HTMLElement;
    expect(wordsIn(sut.querySelector('[role="alert"]'))).toContain('Could not reach the server');
  });

  describe('offline, for field staff', () => {
    async function openOffline(): Promise<HTMLElement> {
      signInAs('field');
      TestBed.inject(LiveEvents);
      harness = await RouterTestingHarness.create();
      await harness.navigateByUrl('/overview', OverviewPage);
      http.expectOne('/api/v1/overview').error(new ProgressEvent('error'));
      await harness.fixture.whenStable();
      return harness.routeNativeElement as HTMLElement;
    }

    it("shows what this phone kept, as of when, and hides the blocks the copy does not carry rather than say they are empty", async () => {
      const sut = await openOffline();

      expect(wordsIn(sut.querySelector('rl-as-of-notice'))).toBe('Offline: showing what this phone kept, as of \u206815:00 Damascus, Mon, 23 Dec 2019\u2069');
      expect(Array.from(sut.querySelectorAll('h2')).map((heading) => heading.textContent?.trim())).toEqual([
        'Pause windows in force',
        'Our convoys on the road and leaving today',
        'Camps, worst first',
      ]);
      expect(sut.querySelector('#others-heading')).toBeNull();
      expect(items(block(sut, 'Our convoys on the road and leaving today'), 'li').length).toBe(1);
    });

    it('keeps counting down to the stored end of the window in force', async () => {
      const sut = await openOffline();
      const windows = block(sut, 'Pause windows in force');
      expect(wordsIn(windows.querySelector('.countdown'))).toBe('ends in 2 h 00 min');

      now.set(new Date('2019-12-23T15:50:00.000Z'));
      await harness.fixture.whenStable();

      expect(wordsIn(windows.querySelector('.countdown'))).toBe('ends in 10 min 00 s');
    });
  });
});
