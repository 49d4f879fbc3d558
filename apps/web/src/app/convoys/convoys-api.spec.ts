import { provideHttpClient, withFetch } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';

import { ProblemError } from '../core/problems/problem-error';
import { ROUTE_ID } from '../shared/lookups/testing/lookup-fixtures';
import { ConvoysApi, isStaleConvoyVersion } from './convoys-api';
import { aCheckInEvent, aConvoy, aConvoyDetail, aConvoyStatus, aPage, CONVOY_ID } from './testing/convoy-fixtures';

describe('ConvoysApi', () => {
  let sut: ConvoysApi;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(withFetch()), provideHttpClientTesting()] });
    sut = TestBed.inject(ConvoysApi);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('asks for a page of the convoys of a status on a route', async () => {
    const answer = firstValueFrom(sut.listConvoys({ status: 'departed', routeId: ROUTE_ID, page: 2, pageSize: 500 }));

    http.expectOne(`/api/v1/convoys?status=departed&routeId=${ROUTE_ID}&page=2&pageSize=100`).flush(aPage([aConvoy()]));

    expect((await answer).items[0].route.timeZone).toBe('Asia/Damascus');
  });

  it('refuses a convoy whose status it does not know', async () => {
    const answer = firstValueFrom(sut.listConvoys());

    http.expectOne('/api/v1/convoys').flush(aPage([aConvoy({ status: 'lost' as never })]));

    await expect(answer).rejects.toBeInstanceOf(ProblemError);
  });

  it("reads the other organisations' convoy statuses", async () => {
    const answer = firstValueFrom(sut.listStatuses());

    http.expectOne('/api/v1/convoys/statuses').flush([aConvoyStatus()]);

    expect(await answer).toEqual([aConvoyStatus()]);
  });

  it('reads one convoy with its timeline, cargo and windows', async () => {
    const answer = firstValueFrom(sut.getConvoy(CONVOY_ID));

    http.expectOne(`/api/v1/convoys/${CONVOY_ID}`).flush(aConvoyDetail());

    expect((await answer).windows[0].id).toBe('window-1');
  });

  it('refuses a convoy without its timeline', async () => {
    const answer = firstValueFrom(sut.getConvoy(CONVOY_ID));

    http.expectOne(`/api/v1/convoys/${CONVOY_ID}`).flush(aConvoy());

    await expect(answer).rejects.toBeInstanceOf(ProblemError);
  });

  it('plans a convoy', async () => {
    const request = {
      name: 'Evacuation Maaret north 3',
      purpose: 'evacuation' as const,
      routeId: ROUTE_ID,
      plannedDepartureAt: '2019-12-23T13:30:00.000Z',
      expectedDurationMinutes: 90,
      vehicleCount: 6,
    };
    const answer = firstValueFrom(sut.planConvoy(request));

    const sent = http.expectOne({ method: 'POST', url: '/api/v1/convoys' });
    expect(sent.request.body).toEqual(request);
    sent.flush(aConvoyDetail({ status: 'planned' }), { status: 201, statusText: 'Created' });

    expect((await answer).status).toBe('planned');
  });

  it('moves a convoy on with the version it read', async () => {
    const answer = firstValueFrom(sut.changeStatus(CONVOY_ID, { status: 'arrived', version: 2 }));

    const sent = http.expectOne({ method: 'POST', url: `/api/v1/convoys/${CONVOY_ID}/status` });
    expect(sent.request.body).toEqual({ status: 'arrived', version: 2 });
    sent.flush(aConvoyDetail({ status: 'arrived', version: 3 }));

    expect((await answer).version).toBe(3);
  });

  it('fails with the reason when the move is not allowed', async () => {
    const answer = firstValueFrom(sut.changeStatus(CONVOY_ID, { status: 'arrived', version: 2 }));

    const detail = 'The convoy is struck: that is final, so it cannot become arrived';
    http
      .expectOne(`/api/v1/convoys/${CONVOY_ID}/status`)
      .flush({ type: 'about:blank', title: 'Conflict', status: 409, detail }, { status: 409, statusText: 'Conflict' });

    await expect(answer).rejects.toMatchObject({ problem: { detail } });
  });

  it('posts a check-in with its client id and says when the server had it already', async () => {
    const request = { clientId: '6f1d0c1e-3b7a-4f55-9d0e-8f0c2a1b4c5d', place: 'Ariha checkpoint' };
    const answer = firstValueFrom(sut.checkIn(CONVOY_ID, request));

    const sent = http.expectOne({ method: 'POST', url: `/api/v1/convoys/${CONVOY_ID}/check-ins` });
    expect(sent.request.body).toEqual(request);
    sent.flush(aCheckInEvent(), { status: 201, statusText: 'Created', headers: { 'Idempotent-Replayed': 'true' } });

    expect(await answer).toEqual({ event: aCheckInEvent(), replayed: true });
  });
});

describe('isStaleConvoyVersion', () => {
  const sut = isStaleConvoyVersion;

  it('tells a stale version from a forbidden move by the code', () => {
    expect(sut({ type: 'about:blank', title: 'Conflict', status: 409, code: 'convoy.stale_version' })).toBe(true);
    expect(sut({ type: 'about:blank', title: 'Conflict', status: 409, code: 'convoy.illegal_transition', detail: 'version' })).toBe(false);
  });

  it('falls back on the words when there is no code', () => {
    expect(sut({ type: 'about:blank', title: 'Conflict', status: 409, detail: 'Version 2 is not the latest (3)' })).toBe(true);
    expect(sut({ type: 'about:blank', title: 'Conflict', status: 409, detail: 'The convoy is already arrived' })).toBe(false);
  });
});
