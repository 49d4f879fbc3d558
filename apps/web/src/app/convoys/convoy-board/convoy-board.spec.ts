import { BreakpointObserver, BreakpointState } from '@angular/cdk/layout';
import { provideHttpClient, withFetch } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { WritableSignal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { TranslocoService } from '@jsverse/transloco';
import { Role } from '@relief-ledger/domain';
import { BehaviorSubject } from 'rxjs';

import { signInAs } from '../../core/auth/testing/session-fixtures';
import { ActiveLocale } from '../../core/i18n/active-locale';
import { LiveEvents } from '../../core/live/live-events';
import { FakeEventSource, provideFakeEventSources } from '../../core/live/testing/fake-event-source';
import { wordsIn } from '../../shared/testing/words-in';
import { VIEWER_TIME_ZONE } from '../../shared/time/zoned-time';
import { aCheckInEvent, aCheckInLiveEvent, aConvoy, aConvoyStatus, aPage, NOW } from '../testing/convoy-fixtures';
import { provideFixedClock } from '../testing/fixed-clock';
import { ConvoyBoard } from './convoy-board';

describe('ConvoyBoard', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;
  let streams: FakeEventSource[];
  let now: WritableSignal<Date>;
  let layout: BehaviorSubject<BreakpointState>;

  beforeEach(() => {
    streams = [];
    layout = new BehaviorSubject<BreakpointState>({ matches: false, breakpoints: {} });
    const clock = provideFixedClock(NOW);
    now = clock.now;
    TestBed.configureTestingModule({
      providers: [
        clock.provider,
        provideFakeEventSources(streams),
        { provide: VIEWER_TIME_ZONE, useValue: 'UTC' },
        { provide: BreakpointObserver, useValue: { observe: () => layout } },
        provideHttpClient(withFetch()),
        provideHttpClientTesting(),
        provideRouter([{ path: 'convoys', component: ConvoyBoard }], withComponentInputBinding()),
      ],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  async function openBoard(url = '/convoys', role: Role = 'coordinator'): Promise<HTMLElement> {
    signInAs(role);
    // The shell opens the stream in the app; here the board is alone.
    TestBed.inject(LiveEvents);
    harness = await RouterTestingHarness.create();
    await harness.navigateByUrl(url, ConvoyBoard);
    await harness.fixture.whenStable();
    return harness.routeNativeElement as HTMLElement;
  }

  async function answer(convoys = [aConvoy()], others = [aConvoyStatus(), aConvoyStatus({ id: 'own', organisationId: 'org-hro', organisationName: 'HRO' })]) {
    http.expectOne((req) => req.url === '/api/v1/convoys').flush(aPage(convoys));
    http.expectOne('/api/v1/convoys/statuses').flush(others);
    await harness.fixture.whenStable();
  }

  function text(element: Element | null | undefined): string {
    return wordsIn(element);
  }

  function rowCells(sut: HTMLElement): string[][] {
    return Array.from(sut.querySelectorAll('table[aria-label="Convoys"] tbody tr')).map((row) => Array.from(row.querySelectorAll('td')).map(text));
  }

  it('shows each convoy with its status, route, next check-in and cover in the route\'s local time', async () => {
    const sut = await openBoard();
    await answer([aConvoy({ nextCheckInDueAt: '2019-12-23T14:20:00.000Z' })]);

    expect(rowCells(sut)).toEqual([
      [
        'Evacuation Maaret north 3 Departed 15:30 Damascus today',
        'On the road',
        "Ma'arat al-Num'an → Sarmada",
        'Next 16:20 Damascus (in 20 min 00 s)',
        'Covered until 18:00 Damascus (in 2 h 00 min) Open the pause window',
      ],
    ]);
    expect(sut.querySelector('tbody a')?.getAttribute('href')).toBe(`/convoys/${aConvoy().id}`);
  });

  it('counts down with the clock and marks a missed check-in', async () => {
    const sut = await openBoard();
    await answer([aConvoy({ nextCheckInDueAt: '2019-12-23T14:20:00.000Z' })]);

    now.set(new Date('2019-12-23T14:25:00.000Z'));
    await harness.fixture.whenStable();

    expect(rowCells(sut)[0][3]).toBe('Overdue 16:20 Damascus (5 min 00 s ago)');
    expect(sut.querySelector('tbody tr')?.classList).toContain('overdue');
  });

  it('says how long a partly covered trip is exposed', async () => {
    const sut = await openBoard();
    await answer([
      aConvoy({
        coverage: { kind: 'partly_covered', windowIds: ['w'], coveredUntil: '2019-12-23T16:00:00.000Z', exposedMinutes: 45, exposedFrom: '2019-12-23T16:00:00.000Z' },
      }),
    ]);

    expect(rowCells(sut)[0][4]).toBe('Partly covered: 45 min exposed until 18:00 Damascus (in 2 h 00 min) Open the pause window');
    // The window that covers the trip is one click away.
    expect(sut.querySelector('tbody a[href^="/pause-windows/"]')).not.toBeNull();
  });

  it('offers to plan a convoy to coordinators only', async () => {
    const sut = await openBoard('/convoys', 'field');
    await answer();

    expect(Array.from(sut.querySelectorAll('a')).map(text)).not.toContain('Plan a convoy');
  });

  it('shows the other organisations\' convoys, status only, without its own', async () => {
    const sut = await openBoard();
    await answer();

    expect(Array.from(sut.querySelectorAll('ul[aria-label="Other organisations\' convoys"] li')).map(text)).toEqual([
      'Kids Paradise On the road since 15:00 Damascus today',
    ]);
  });

  it("looks back at every ended convoy of the others on request, each status with its date", async () => {
    const sut = await openBoard();
    await answer();

    sut.querySelector<HTMLButtonElement>('button.others-ended')!.click();
    await harness.fixture.whenStable();
    http
      .expectOne((req) => req.url === '/api/v1/convoys/statuses' && req.params.get('ended') === 'all')
      .flush([aConvoyStatus({ id: 'kp-struck', status: 'struck', updatedAt: '2019-12-20T14:30:00.000Z' })]);
    await harness.fixture.whenStable();

    expect(Array.from(sut.querySelectorAll('ul[aria-label="Other organisations\' convoys"] li')).map(text)).toEqual([
      'Kids Paradise Struck since 16:30 Damascus, Fri, 20 Dec 2019',
    ]);
    expect(text(sut.querySelector('button.others-ended'))).toBe('Show only those of the last 24 hours');
  });

  it('filters by status through the address, from the first page', async () => {
    const sut = await openBoard('/convoys?status=planned&page=2');

    const request = http.expectOne((req) => req.url === '/api/v1/convoys');
    expect(request.request.params.toString()).toBe('status=planned&page=2&pageSize=20');
    request.flush(aPage([]));
    http.expectOne('/api/v1/convoys/statuses').flush([]);
    await harness.fixture.whenStable();

    expect(text(sut.querySelector('.rl-empty'))).toContain('No convoys with this status');
  });

  it('loads the list again on a check-in from the stream, and shows where it was made', async () => {
    const sut = await openBoard();
    await answer();

    streams[0].send(aCheckInLiveEvent());
    http
      .expectOne((req) => req.url === '/api/v1/convoys')
      .flush(aPage([aConvoy({ lastCheckInAt: aCheckInEvent().occurredAt, nextCheckInDueAt: '2019-12-23T14:25:00.000Z' })]));
    await harness.fixture.whenStable();

    expect(rowCells(sut)[0][3]).toBe('Next 16:25 Damascus (in 25 min 00 s) Last 15:55 Damascus today · Ariha checkpoint');
  });

  it("changes another organisation's convoy status as the stream reports it", async () => {
    const sut = await openBoard();
    await answer();

    streams[0].send({ type: 'convoy.status', convoyId: aConvoyStatus().id, organisationId: 'org-kp', organisationName: 'Kids Paradise', status: 'arrived', event: null });
    await harness.fixture.whenStable();

    expect(text(sut.querySelector('ul[aria-label="Other organisations\' convoys"] li'))).toContain('Kids Paradise Arrived');
  });

  it('shows cards on a phone', async () => {
    layout.next({ matches: true, breakpoints: {} });
    const sut = await openBoard();
    await answer();

    expect(sut.querySelector('table')).toBeNull();
    expect(text(sut.querySelector('ul[aria-label="Convoys"] li'))).toContain('Evacuation Maaret north 3 On the road');
  });

  it('speaks Arabic on a phone, with Arabic-Indic digits when chosen, and Turkish after a switch', async () => {
    layout.next({ matches: true, breakpoints: {} });
    const sut = await openBoard();
    await answer([aConvoy({ nextCheckInDueAt: '2019-12-23T14:20:00.000Z' })]);
    // Every language's words are in place (jest-setup): switch as the language service does.
    TestBed.inject(TranslocoService).setActiveLang('ar');
    TestBed.inject(ActiveLocale).lang.set('ar');
    TestBed.inject(ActiveLocale).digits.set('arab');
    await harness.fixture.whenStable();

    const card = text(sut.querySelector('ul[aria-label="القوافل"] li'));
    expect(card).toContain('على الطريق');
    expect(card).toContain('انطلقت ١٥:٣٠ بتوقيت دمشق');
    expect(card).toContain('الإبلاغ التالي عن الموقع ١٦:٢٠ بتوقيت دمشق (خلال ٢٠ د ٠٠ ث)');
    expect(text(sut.querySelector('.others h2'))).toBe('المنظمات الأخرى');

    TestBed.inject(TranslocoService).setActiveLang('tr');
    TestBed.inject(ActiveLocale).lang.set('tr');
    TestBed.inject(ActiveLocale).digits.set('latn');
    await harness.fixture.whenStable();
    expect(text(sut.querySelector('ul[aria-label="Konvoylar"] li'))).toContain('Sonraki konum bildirimi: 16:20 Şam (20 dk 00 sn sonra)');
  });
});
