import { BreakpointObserver, BreakpointState } from '@angular/cdk/layout';
import { provideHttpClient, withFetch } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { Role } from '@relief-ledger/domain';
import { BehaviorSubject, of } from 'rxjs';

import { signInAs } from '../../core/auth/testing/session-fixtures';
import { LiveEvents } from '../../core/live/live-events';
import { FakeEventSource, provideFakeEventSources } from '../../core/live/testing/fake-event-source';
import { LookupsApi } from '../../shared/lookups/lookups-api';
import { aRoute, ROUTE_ID } from '../../shared/lookups/testing/lookup-fixtures';
import { wordsIn } from '../../shared/testing/words-in';
import { aPage, anIncident } from '../testing/incident-fixtures';
import { wordsFor } from '../../core/i18n/testing/test-translations';
import { describeCasualties, describeWhere } from '../../shared/incident-fields/describe-incident';
import { IncidentList } from './incident-list';

describe('IncidentList', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;
  let streams: FakeEventSource[];
  let layout: BehaviorSubject<BreakpointState>;

  beforeEach(() => {
    streams = [];
    layout = new BehaviorSubject<BreakpointState>({ matches: false, breakpoints: {} });
    TestBed.configureTestingModule({
      providers: [
        provideFakeEventSources(streams),
        { provide: BreakpointObserver, useValue: { observe: () => layout } },
        { provide: LookupsApi, useValue: { listRoutes: () => of([aRoute()]) } },
        provideHttpClient(withFetch()),
        provideHttpClientTesting(),
        provideRouter([{ path: 'incidents', component: IncidentList }], withComponentInputBinding()),
      ],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  async function openList(url = '/incidents', role: Role = 'field'): Promise<HTMLElement> {
    signInAs(role);
    TestBed.inject(LiveEvents);
    harness = await RouterTestingHarness.create();
    await harness.navigateByUrl(url, IncidentList);
    await harness.fixture.whenStable();
    return harness.routeNativeElement as HTMLElement;
  }

  async function answer(incidents = [anIncident()]): Promise<void> {
    http.expectOne((req) => req.url === '/api/v1/incidents').flush(aPage(incidents));
    await harness.fixture.whenStable();
  }

  it('shows each incident with when on the Damascus clock, what, where and the casualties', async () => {
    const sut = await openList();
    await answer();

    const cells = Array.from(sut.querySelectorAll('tbody tr td')).map((cell) => wordsIn(cell));
    expect(cells).toEqual([
      '15:10 Damascus, Mon, 23 Dec 2019',
      'Airstrike Second truck hit; the convoy turned back. Broke 1 pause window(s)',
      "Ma'arat al-Num'an to Sarmada · Between Maaret and Ariha on the M5",
      '4 injured',
      'Humanitarian Relief Organization',
    ]);
  });

  it('filters by kind, route and days through the address', async () => {
    await openList(`/incidents?kind=shelling&routeId=${ROUTE_ID}&from=2019-12-23&to=2019-12-23`);

    const request = http.expectOne((req) => req.url === '/api/v1/incidents');
    expect(request.request.params.get('kind')).toBe('shelling');
    expect(request.request.params.get('routeId')).toBe(ROUTE_ID);
    expect(request.request.params.has('from')).toBe(true);
    expect(request.request.params.has('to')).toBe(true);
    request.flush(aPage([]));
  });

  it('offers the report form to those who may report', async () => {
    const sut = await openList('/incidents', 'manager');
    await answer();

    expect(Array.from(sut.querySelectorAll('a')).map((link) => wordsIn(link))).not.toContain('Report an incident');
  });

  it('shows cards on a phone', async () => {
    layout.next({ matches: true, breakpoints: {} });
    const sut = await openList();
    await answer();

    expect(wordsIn(sut.querySelector('ul[aria-label="Incidents"] li'))).toContain('Airstrike 15:10 Damascus, Mon, 23 Dec 2019');
  });

  it('loads again when the stream brings a new report', async () => {
    await openList();
    await answer([]);

    streams[0].send({ type: 'incident.reported', incident: anIncident() });

    http.expectOne((req) => req.url === '/api/v1/incidents').flush(aPage([anIncident()]));
  });
});

describe('describeWhere and describeCasualties', () => {
  it('join the places a report names', () => {
    expect(describeWhere({ locationName: 'Ariha', campName: null, routeName: 'M5 north', place: null })).toBe('Ariha · M5 north');
  });

  it('say the casualties, or that none were reported', () => {
    expect(describeCasualties({ killed: 2, injured: 5 }, wordsFor('en'))).toBe('2 killed, 5 injured');
    expect(describeCasualties({ killed: 0, injured: 0 }, wordsFor('en'))).toBe('None reported');
  });
});
