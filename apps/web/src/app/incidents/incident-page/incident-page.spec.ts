import { provideHttpClient, withFetch } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';

import { signInAs } from '../../core/auth/testing/session-fixtures';
import { wordsIn } from '../../shared/testing/words-in';
import { VIEWER_TIME_ZONE } from '../../shared/time/zoned-time';
import { anIncident } from '../testing/incident-fixtures';
import { IncidentPage } from './incident-page';

describe('IncidentPage', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        { provide: VIEWER_TIME_ZONE, useValue: 'Europe/Berlin' },
        provideHttpClient(withFetch()),
        provideHttpClientTesting(),
        provideRouter([{ path: 'incidents/:id', component: IncidentPage }], withComponentInputBinding()),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    signInAs('field');
  });

  afterEach(() => http.verify());

  async function openIncident(id = 'incident-1'): Promise<HTMLElement> {
    harness = await RouterTestingHarness.create();
    await harness.navigateByUrl(`/incidents/${id}`, IncidentPage);
    await harness.fixture.whenStable();
    return harness.routeNativeElement as HTMLElement;
  }

  it('shows what, when on the Damascus clock with the zone named and the viewer’s, where and the casualties', async () => {
    const sut = await openIncident();
    http.expectOne('/api/v1/incidents/incident-1').flush(anIncident());
    await harness.fixture.whenStable();

    expect(sut.querySelector('h1')?.textContent).toBe('Airstrike');
    expect(wordsIn(sut)).toContain('When 15:10 Damascus (UTC+02:00), Mon, 23 Dec 2019 · 14:10 Berlin (UTC+01:00) your time');
    expect(wordsIn(sut)).toContain("Route Ma'arat al-Num'an to Sarmada");
    expect(wordsIn(sut)).toContain('Place Between Maaret and Ariha on the M5');
    expect(wordsIn(sut)).toContain('Second truck hit; the convoy turned back.');
  });

  it('links to each window it broke', async () => {
    const sut = await openIncident();
    http.expectOne('/api/v1/incidents/incident-1').flush(anIncident({ violatedWindowIds: ['window-1', 'window-2'] }));
    await harness.fixture.whenStable();

    const links = Array.from(sut.querySelectorAll('ul.windows a')).map((link) => link.getAttribute('href'));
    expect(links).toEqual(['/pause-windows/window-1', '/pause-windows/window-2']);
  });

  it('says it broke none when it broke none', async () => {
    const sut = await openIncident();
    http.expectOne('/api/v1/incidents/incident-1').flush(anIncident({ violatedWindowIds: [] }));
    await harness.fixture.whenStable();

    expect(wordsIn(sut)).toContain('It broke no pause window.');
  });

  it('says "Not found" with a way back for an address whose id is no id', async () => {
    const sut = await openIncident('not-a-uuid');
    http
      .expectOne('/api/v1/incidents/not-a-uuid')
      .flush({ type: 'about:blank', title: 'Invalid request', status: 400, errors: [{ field: 'id', reason: 'must be a UUID' }] }, { status: 400, statusText: 'Bad Request' });
    await harness.fixture.whenStable();

    expect(sut.querySelector('[role="alert"] h1')?.textContent).toBe('Not found');
    expect(wordsIn(sut)).not.toContain('UUID');
    expect(sut.querySelector('[role="alert"] a')?.getAttribute('href')).toBe('/incidents');
  });
});
