import { provideHttpClient, withFetch } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';

import { ProblemError } from '../core/problems/problem-error';
import { ROUTE_ID } from '../shared/lookups/testing/lookup-fixtures';
import { PauseWindowsApi } from './pause-windows-api';
import { aPage, aPauseWindow, aPauseWindowDetail, aWindowEvent } from './testing/pause-window-fixtures';

describe('PauseWindowsApi', () => {
  let sut: PauseWindowsApi;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(withFetch()), provideHttpClientTesting()] });
    sut = TestBed.inject(PauseWindowsApi);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('asks for the windows of a status on a route, a page at a time', async () => {
    const answer = firstValueFrom(sut.listWindows({ status: 'in_force', routeId: ROUTE_ID, page: 1, pageSize: 20 }));

    http.expectOne(`/api/v1/pause-windows?status=in_force&routeId=${ROUTE_ID}&page=1&pageSize=20`).flush(aPage([aPauseWindow()]));

    expect((await answer).items[0].endsLocal.time).toBe('18:00');
  });

  it('refuses a window of a status it does not know', async () => {
    const answer = firstValueFrom(sut.listWindows());

    http.expectOne('/api/v1/pause-windows').flush(aPage([aPauseWindow({ status: 'paused' as never })]));

    await expect(answer).rejects.toBeInstanceOf(ProblemError);
  });

  it('announces a window as it was announced, on the wall clock of its zone', async () => {
    const request = {
      announcedBy: 'Russia and the regime, notified to the UN',
      sourceText: 'until 6 p.m. local time',
      zone: 'Asia/Damascus',
      end: { time: '18:00' },
      routeIds: [ROUTE_ID],
      areaIds: [],
    };
    const answer = firstValueFrom(sut.announceWindow(request));

    const sent = http.expectOne({ method: 'POST', url: '/api/v1/pause-windows' });
    expect(sent.request.body).toEqual(request);
    sent.flush(aPauseWindow(), { status: 201, statusText: 'Created' });

    expect((await answer).id).toBe('window-1');
  });

  it('fails with the reason under end.time for a time that happened twice', async () => {
    const answer = firstValueFrom(sut.announceWindow({ announcedBy: 'x', sourceText: 'x', zone: 'Asia/Damascus', end: { time: '23:30' }, routeIds: [ROUTE_ID], areaIds: [] }));

    const reason = '2019-10-24 23:30 in Asia/Damascus happened twice: the clocks went back over it. Say which with its offset (+03:00 or +02:00)';
    http
      .expectOne('/api/v1/pause-windows')
      .flush(
        { type: 'about:blank', title: 'Time not usable as given', status: 422, detail: reason, errors: [{ field: 'end.time', reason }] },
        { status: 422, statusText: 'Unprocessable Entity' },
      );

    await expect(answer).rejects.toMatchObject({ problem: { errors: [{ field: 'end.time', reason }] } });
  });

  it('reads one window', async () => {
    const answer = firstValueFrom(sut.getWindow('window-1'));

    http.expectOne('/api/v1/pause-windows/window-1').flush(aPauseWindowDetail());

    expect((await answer).announcedBy).toContain('notified to the UN');
  });

  it('reads a window with its history', async () => {
    const answer = firstValueFrom(sut.getWindow('window-1'));

    http.expectOne('/api/v1/pause-windows/window-1').flush(aPauseWindowDetail({ history: [aWindowEvent(), aWindowEvent({ id: 'event-2', kind: 'ended', version: 2, source: 'OCHA' })] }));

    expect((await answer).history.map((event) => event.kind)).toEqual(['entered', 'ended']);
  });

  it('refuses a window without its history where one is asked for', async () => {
    const answer = firstValueFrom(sut.getWindow('window-1'));

    http.expectOne('/api/v1/pause-windows/window-1').flush(aPauseWindow());

    await expect(answer).rejects.toBeInstanceOf(ProblemError);
  });

  it('ends a window early with its version, the source, and a key that makes a re-send count once', async () => {
    const answer = firstValueFrom(sut.endWindow('window-1', { source: 'OCHA flash update', endedAt: '2019-12-23T12:00:00.000Z', version: 1 }, 'key-1'));

    const sent = http.expectOne({ method: 'POST', url: '/api/v1/pause-windows/window-1/end' });
    expect(sent.request.body).toEqual({ source: 'OCHA flash update', endedAt: '2019-12-23T12:00:00.000Z', version: 1 });
    expect(sent.request.headers.get('Idempotency-Key')).toBe('key-1');
    sent.flush(aPauseWindowDetail({ status: 'ended', version: 2 }));

    expect((await answer).version).toBe(2);
  });

  it('sends a correction to the corrections of the window', async () => {
    const request = { announcedBy: 'The UN', sourceText: 'until 18:00', zone: 'Asia/Damascus', start: { date: '2019-12-23', time: '12:00' }, end: { time: '18:00' }, routeIds: [ROUTE_ID], areaIds: [], reason: 'Typo', version: 1 };
    const answer = firstValueFrom(sut.correctWindow('window-1', request, 'key-2'));

    const sent = http.expectOne({ method: 'POST', url: '/api/v1/pause-windows/window-1/corrections' });
    expect(sent.request.body).toEqual(request);
    sent.flush(aPauseWindowDetail({ version: 2 }));

    expect((await answer).version).toBe(2);
  });
});
