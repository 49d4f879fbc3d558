import { randomUUID } from 'node:crypto';
import { wallClockAt } from '@relief-ledger/domain';
import type { ConvoyDetailResponse, PauseWindowDetailResponse, PauseWindowResponse, RouteResponse } from '@relief-ledger/domain';
import { openEventStream } from './utils/event-stream';
import { Client, clientFor, signIn, signedIn } from './utils/session';
import { RunningApi, startApi } from './utils/start-api';
import { createTestDatabase, TestDatabase } from './utils/test-database';

describe('pause windows ended early and corrected', () => {
  let db: TestDatabase;
  let api: RunningApi;
  let coordinatorCookie: string;
  let coordinator: Client;
  let field: Client;
  let manager: Client;
  let otherCoordinator: Client;
  let stops: string[];
  let routeCount = 0;

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startApi({ databaseUrl: db.url, env: { DEMO_DATA: 'true' } });
    coordinatorCookie = await signIn(api, 'coordinator@hro.example');
    coordinator = clientFor(api, coordinatorCookie);
    field = await signedIn(api, 'field@hro.example');
    manager = await signedIn(api, 'manager@hro.example');
    otherCoordinator = await signedIn(api, 'coordinator@kidsparadise.example');
    const byPcode = async (pcode: string) => (await db.query<{ id: string }>(`SELECT id FROM locations WHERE pcode = $1`, [pcode]))[0].id;
    stops = [await byPcode('SY07000002'), await byPcode('SY07050001'), await byPcode('SY07000001')];
  });

  afterAll(async () => {
    await api?.stop();
    await db?.drop();
  });

  async function newRoute(): Promise<RouteResponse> {
    return (await coordinator.post('/api/v1/routes').send({ name: `Window route ${++routeCount}`, locationIds: stops }).expect(201)).body;
  }

  const tomorrow = () => wallClockAt(new Date(Date.now() + 86_400_000), 'Asia/Damascus').date;
  const yesterday = () => wallClockAt(new Date(Date.now() - 86_400_000), 'Asia/Damascus').date;

  /** In force now: from yesterday 08:00 to tomorrow 18:00 in Damascus. */
  async function windowInForce(routeId: string): Promise<PauseWindowResponse> {
    const res = await coordinator.post('/api/v1/pause-windows').send({
      announcedBy: 'Test announcement',
      sourceText: 'until 6 p.m. tomorrow local time',
      zone: 'Asia/Damascus',
      start: { date: yesterday(), time: '08:00' },
      end: { date: tomorrow(), time: '18:00' },
      routeIds: [routeId],
      areaIds: [],
    });
    expect(res.status).toBe(201);
    return res.body;
  }

  /** On the road since 30 minutes ago, for 2 hours. */
  async function convoyOnTheRoad(routeId: string): Promise<ConvoyDetailResponse> {
    const planned = await coordinator
      .post('/api/v1/convoys')
      .send({ name: `Convoy ${randomUUID().slice(0, 8)}`, purpose: 'evacuation', routeId, plannedDepartureAt: new Date(Date.now() + 60_000).toISOString(), expectedDurationMinutes: 120, safetyMarginMinutes: 0, vehicleCount: 2 })
      .expect(201);
    const departed = await field
      .post(`/api/v1/convoys/${planned.body.id}/status`)
      .send({ status: 'departed', version: planned.body.version, occurredAt: new Date(Date.now() - 30 * 60_000).toISOString() });
    expect(departed.status).toBe(200);
    return (await coordinator.get(`/api/v1/convoys/${planned.body.id}`).expect(200)).body;
  }

  describe('ending early', () => {
    it("turns a covered convoy's coverage into partly covered, on the convoy and on the board, and tells the live stream", async () => {
      const route = await newRoute();
      const window = await windowInForce(route.id);
      const convoy = await convoyOnTheRoad(route.id);
      expect(convoy.coverage?.kind).toBe('covered');
      const stream = await openEventStream(api, coordinatorCookie);
      try {
        const ended = await coordinator.post(`/api/v1/pause-windows/${window.id}/end`).set('If-Match', `"${window.version}"`).send({ source: 'OCHA flash update: shelling resumed' });
        expect(ended.status).toBe(200);
        expect(ended.headers.etag).toBe(`"${window.version + 1}"`);
        expect(ended.body).toMatchObject({ status: 'ended', version: window.version + 1 });
        expect(Date.parse(ended.body.endsAt)).toBeLessThanOrEqual(Date.now());

        const after = (await coordinator.get(`/api/v1/convoys/${convoy.id}`).expect(200)).body as ConvoyDetailResponse;
        expect(after.coverage?.kind).toBe('partly_covered');
        const board = await coordinator.get('/api/v1/convoys?pageSize=100').expect(200);
        expect(board.body.items.find((c: { id: string }) => c.id === convoy.id).coverage.kind).toBe('partly_covered');

        const event = await stream.waitFor((e) => e.data.type === 'window.ended' && e.data.window.id === window.id);
        expect(event.data).toMatchObject({ type: 'window.ended', window: { id: window.id, status: 'ended' } });
      } finally {
        stream.close();
      }
    });

    it('forgets a violation that came after the end it was given, and keeps one that came before', async () => {
      const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000).toISOString();
      const shelling = async (routeId: string, occurredAt: string): Promise<string> =>
        (await field.post('/api/v1/incidents').send({ kind: 'shelling', routeId, occurredAt, description: 'Shelling on the road' }).expect(201)).body.id;
      const later = await windowInForce((await newRoute()).id);
      const earlier = await windowInForce((await newRoute()).id);
      const laterAt = hoursAgo(1);
      await shelling(later.routes[0].id, laterAt);
      const earlierAt = hoursAgo(3);
      const earlierStrike = await shelling(earlier.routes[0].id, earlierAt);
      const endedAt = hoursAgo(2);
      const read = async (id: string) => (await coordinator.get(`/api/v1/pause-windows/${id}`).expect(200)).body as PauseWindowDetailResponse;
      expect(await read(later.id)).toMatchObject({ status: 'violated' });
      expect(await read(earlier.id)).toMatchObject({ status: 'violated', violatedByIncidentId: earlierStrike });

      // News, late, that both pauses had ended two hours ago: the strike an hour ago broke nothing.
      const endLater = await coordinator.post(`/api/v1/pause-windows/${later.id}/end`).set('If-Match', `"${later.version}"`).send({ endedAt, source: 'OCHA flash update' });
      expect(endLater.status).toBe(200);
      expect(endLater.body).toMatchObject({ status: 'ended', violatedAt: null, violatedByIncidentId: null });
      // The history says so: the end moved, and the violation with it.
      expect(endLater.body.history.at(-1).changes).toEqual([
        { field: 'endsAt', from: later.endsAt, to: endedAt },
        { field: 'violatedAt', from: laterAt, to: '' },
      ]);
      // The strike three hours ago was inside the pause still: it broke it.
      const endEarlier = await coordinator.post(`/api/v1/pause-windows/${earlier.id}/end`).set('If-Match', `"${earlier.version}"`).send({ endedAt, source: 'OCHA flash update' });
      expect(endEarlier.status).toBe(200);
      expect(endEarlier.body).toMatchObject({ status: 'violated', violatedAt: earlierAt, violatedByIncidentId: earlierStrike });
      expect(endEarlier.body.history.at(-1).changes).toEqual([{ field: 'endsAt', from: earlier.endsAt, to: endedAt }]);
    });

    it('keeps who ended it, when, on what news, in the history that GET answers; another organisation sees the organisation, not the person', async () => {
      const route = await newRoute();
      const window = await windowInForce(route.id);
      const endedAt = new Date(Date.now() - 10 * 60_000).toISOString();
      await coordinator.post(`/api/v1/pause-windows/${window.id}/end`).send({ endedAt, source: 'Radio Fresh, 14:00', version: window.version }).expect(200);

      const own = (await field.get(`/api/v1/pause-windows/${window.id}`).expect(200)).body as PauseWindowDetailResponse;
      expect(own.endsAt).toBe(endedAt);
      expect(own.history.map((e) => e.kind)).toEqual(['entered', 'ended']);
      const [entered, ended] = own.history;
      expect(entered).toMatchObject({ version: 1, recordedBy: expect.any(String), recordedByOrganisation: 'Humanitarian Relief Organization', changes: [] });
      expect(ended).toMatchObject({
        version: 2,
        recordedBy: entered.recordedBy,
        source: 'Radio Fresh, 14:00',
        reason: null,
        changes: [{ field: 'endsAt', from: window.endsAt, to: endedAt }],
      });
      expect(Math.abs(Date.parse(ended.recordedAt) - Date.now())).toBeLessThan(60_000);

      const other = (await otherCoordinator.get(`/api/v1/pause-windows/${window.id}`).expect(200)).body as PauseWindowDetailResponse;
      expect(other.history[1]).toMatchObject({ kind: 'ended', recordedBy: null, recordedByOrganisation: 'Humanitarian Relief Organization' });
    });

    it('refuses a stale version with 409, and no version with 428', async () => {
      const window = await windowInForce((await newRoute()).id);
      await coordinator.post(`/api/v1/pause-windows/${window.id}/end`).send({ source: 'first news', version: window.version }).expect(200);
      const stale = await coordinator.post(`/api/v1/pause-windows/${window.id}/end`).send({ source: 'second news', version: window.version });
      expect(stale.status).toBe(409);
      expect(stale.body).toMatchObject({ code: 'pause_window.stale_version', params: { sent: 1, current: 2 } });
      const none = await coordinator.post(`/api/v1/pause-windows/${window.id}/end`).send({ source: 'no version' });
      expect(none.status).toBe(428);
    });

    it('answers bad input with 400 and the field, and a time it cannot have ended at with 422 and the reason', async () => {
      const window = await windowInForce((await newRoute()).id);
      const noSource = await coordinator.post(`/api/v1/pause-windows/${window.id}/end`).send({ version: window.version });
      expect(noSource.status).toBe(400);
      expect(noSource.body.errors).toEqual([expect.objectContaining({ field: 'source' })]);
      const badTime = await coordinator.post(`/api/v1/pause-windows/${window.id}/end`).send({ source: 'x', endedAt: 'at two', version: window.version });
      expect(badTime.status).toBe(400);
      expect(badTime.body.errors).toEqual([expect.objectContaining({ field: 'endedAt', code: 'field.instant_form' })]);
      const badId = await coordinator.post(`/api/v1/pause-windows/not-a-uuid/end`).send({ source: 'x', version: 1 });
      expect(badId.status).toBe(400);

      const future = await coordinator.post(`/api/v1/pause-windows/${window.id}/end`).send({ source: 'x', endedAt: new Date(Date.now() + 3_600_000).toISOString(), version: window.version });
      expect(future.status).toBe(422);
      expect(future.body).toMatchObject({ code: 'pause_window.early_end', errors: [{ field: 'endedAt', code: 'field.in_the_future' }] });
      const beforeStart = await coordinator.post(`/api/v1/pause-windows/${window.id}/end`).send({ source: 'x', endedAt: new Date(Date.parse(window.startsAt) - 60_000).toISOString(), version: window.version });
      expect(beforeStart.status).toBe(422);
      expect(beforeStart.body.errors).toEqual([expect.objectContaining({ field: 'endedAt', code: 'field.end_after_start' })]);
      expect(beforeStart.body.errors[0].reason).toContain('08:00 Asia/Damascus');

      const unknown = await coordinator.post(`/api/v1/pause-windows/${randomUUID()}/end`).send({ source: 'x', version: 1 });
      expect(unknown.status).toBe(404);
      expect((await db.query(`SELECT 1 FROM pause_window_events WHERE window_id = $1 AND kind = 'ended'`, [window.id])).length).toBe(0);
    });

    it('is refused to field staff and managers (403), allowed to any organisation’s coordinator as entering is', async () => {
      const window = await windowInForce((await newRoute()).id);
      expect((await field.post(`/api/v1/pause-windows/${window.id}/end`).send({ source: 'x', version: 1 })).status).toBe(403);
      expect((await manager.post(`/api/v1/pause-windows/${window.id}/end`).send({ source: 'x', version: 1 })).status).toBe(403);
      const res = await otherCoordinator.post(`/api/v1/pause-windows/${window.id}/end`).send({ source: 'KP field team', version: 1 });
      expect(res.status).toBe(200);
      expect(res.body.history[1]).toMatchObject({ kind: 'ended', recordedByOrganisation: 'Kids Paradise' });
    });

    it('answers a re-send with the same Idempotency-Key once: one event, the first answer', async () => {
      const window = await windowInForce((await newRoute()).id);
      const key = randomUUID();
      const body = { source: 'OCHA', endedAt: new Date(Date.now() - 60_000).toISOString(), version: window.version };
      const first = await coordinator.post(`/api/v1/pause-windows/${window.id}/end`).set('Idempotency-Key', key).send(body).expect(200);
      const again = await coordinator.post(`/api/v1/pause-windows/${window.id}/end`).set('Idempotency-Key', key).send(body).expect(200);
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect(again.body).toEqual(first.body);
      expect((await db.query(`SELECT 1 FROM pause_window_events WHERE window_id = $1`, [window.id])).length).toBe(2);
    });
  });

  describe('correcting', () => {
    const correction = (window: PauseWindowResponse, changes: object) => ({
      announcedBy: window.announcedBy,
      sourceText: window.sourceText,
      zone: window.zone,
      start: { date: window.startsLocal.date, time: window.startsLocal.time },
      end: { date: window.endsLocal.date, time: window.endsLocal.time },
      routeIds: window.routes.map((r) => r.id),
      areaIds: window.areas.map((a) => a.id),
      reason: 'Entered 16:00; the announcement said 18:00',
      version: window.version,
      ...changes,
    });

    it('moves the times as announced in its zone and keeps what changed, who and why in the history', async () => {
      const route = await newRoute();
      const other = await newRoute();
      const window = await windowInForce(route.id);
      const res = await coordinator
        .post(`/api/v1/pause-windows/${window.id}/corrections`)
        .send(correction(window, { end: { date: '2019-12-23', time: '18:00' }, start: { date: '2019-12-23', time: '08:00' }, routeIds: [route.id, other.id] }));
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ startsAt: '2019-12-23T06:00:00.000Z', endsAt: '2019-12-23T16:00:00.000Z', status: 'ended', version: 2 });
      const corrected = res.body.history[1];
      expect(corrected).toMatchObject({ kind: 'corrected', reason: 'Entered 16:00; the announcement said 18:00', source: null, recordedByOrganisation: 'Humanitarian Relief Organization' });
      expect(corrected.changes).toEqual([
        { field: 'startsAt', from: window.startsAt, to: '2019-12-23T06:00:00.000Z' },
        { field: 'endsAt', from: window.endsAt, to: '2019-12-23T16:00:00.000Z' },
        { field: 'routes', from: [route.name], to: [route.name, other.name].sort() },
      ]);
      const read = (await field.get(`/api/v1/pause-windows/${window.id}`).expect(200)).body as PauseWindowDetailResponse;
      expect(read.routes.map((r) => r.id).sort()).toEqual([route.id, other.id].sort());
      expect(read.history.map((e) => e.kind)).toEqual(['entered', 'corrected']);
    });

    it('works out the violation again for the corrected times and cover', async () => {
      const route = await newRoute();
      const other = await newRoute();
      const window = await windowInForce(route.id);
      const occurredAt = new Date(Date.now() - 3_600_000).toISOString();
      const strike = await field.post('/api/v1/incidents').send({ kind: 'airstrike', routeId: route.id, occurredAt, description: 'Strike on the road' }).expect(201);
      const violated = (await coordinator.get(`/api/v1/pause-windows/${window.id}`).expect(200)).body as PauseWindowDetailResponse;
      expect(violated).toMatchObject({ status: 'violated', violatedByIncidentId: strike.body.id });

      // It covered the other road, not this one: the strike broke nothing.
      const moved = await coordinator.post(`/api/v1/pause-windows/${window.id}/corrections`).send(correction(violated, { routeIds: [other.id], reason: 'The pause was for the other road' }));
      expect(moved.status).toBe(200);
      expect(moved.body).toMatchObject({ violatedAt: null, violatedByIncidentId: null, status: 'in_force' });
      expect(moved.body.history.at(-1).changes).toEqual([
        { field: 'routes', from: [route.name], to: [other.name] },
        { field: 'violatedAt', from: new Date(occurredAt).toISOString(), to: '' },
      ]);

      // Corrected back: the strike recorded inside it counts again.
      const back = await coordinator.post(`/api/v1/pause-windows/${window.id}/corrections`).send(correction(moved.body, { routeIds: [route.id], reason: 'It was this road after all' }));
      expect(back.status).toBe(200);
      expect(back.body).toMatchObject({ status: 'violated', violatedAt: new Date(occurredAt).toISOString(), violatedByIncidentId: strike.body.id });
      expect(back.body.history.at(-1).changes).toContainEqual({ field: 'violatedAt', from: '', to: new Date(occurredAt).toISOString() });

      // Its words corrected alone: the violation stays as it is, and the stream hears of the correction only.
      const stream = await openEventStream(api, coordinatorCookie);
      try {
        const words = await coordinator.post(`/api/v1/pause-windows/${window.id}/corrections`).send(correction(back.body, { announcedBy: 'Corrected announcer', reason: 'Misspelt' }));
        expect(words.status).toBe(200);
        expect(words.body).toMatchObject({ status: 'violated', violatedByIncidentId: strike.body.id });
        await stream.waitFor((e) => e.data.type === 'window.corrected' && e.data.window.id === window.id);
        expect(stream.events.filter((e) => e.data.type === 'window.violated' && e.data.window?.id === window.id)).toEqual([]);
      } finally {
        stream.close();
      }
    });

    it('refuses a correction that changes nothing (422), one without a reason (400), and a stale one (409)', async () => {
      const window = await windowInForce((await newRoute()).id);
      const nothing = await coordinator.post(`/api/v1/pause-windows/${window.id}/corrections`).send(correction(window, {}));
      expect(nothing.status).toBe(422);
      expect(nothing.body.code).toBe('pause_window.nothing_to_correct');
      const { reason: _reason, ...noReason } = correction(window, { announcedBy: 'The UN' });
      const missing = await coordinator.post(`/api/v1/pause-windows/${window.id}/corrections`).send(noReason);
      expect(missing.status).toBe(400);
      expect(missing.body.errors).toEqual([expect.objectContaining({ field: 'reason' })]);
      await coordinator.post(`/api/v1/pause-windows/${window.id}/corrections`).send(correction(window, { announcedBy: 'The UN' })).expect(200);
      const stale = await coordinator.post(`/api/v1/pause-windows/${window.id}/corrections`).send(correction(window, { announcedBy: 'OCHA' }));
      expect(stale.status).toBe(409);
      expect(stale.body.code).toBe('pause_window.stale_version');
      const backwards = await coordinator
        .post(`/api/v1/pause-windows/${window.id}/corrections`)
        .send(correction(window, { version: 2, start: { date: '2019-12-23', time: '18:00' }, end: { date: '2019-12-23', time: '08:00' } }));
      expect(backwards.status).toBe(422);
      expect(backwards.body.errors).toEqual([expect.objectContaining({ field: 'end', code: 'field.end_after_start' })]);
    });

    it('is one event for a re-send with the same Idempotency-Key', async () => {
      const window = await windowInForce((await newRoute()).id);
      const key = randomUUID();
      const body = correction(window, { announcedBy: 'The UN' });
      await coordinator.post(`/api/v1/pause-windows/${window.id}/corrections`).set('Idempotency-Key', key).send(body).expect(200);
      const again = await coordinator.post(`/api/v1/pause-windows/${window.id}/corrections`).set('Idempotency-Key', key).send(body).expect(200);
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect((await db.query(`SELECT 1 FROM pause_window_events WHERE window_id = $1`, [window.id])).length).toBe(2);
    });
  });

  it('keeps the history append-only in the database', async () => {
    const window = await windowInForce((await newRoute()).id);
    await expect(db.query(`UPDATE pause_window_events SET reason = 'x' WHERE window_id = $1`, [window.id])).rejects.toThrow(/append-only/);
    await expect(db.query(`DELETE FROM pause_window_events WHERE window_id = $1`, [window.id])).rejects.toThrow(/append-only/);
  });

  it('gives every demo window its entered event', async () => {
    const [{ missing }] = await db.query<{ missing: string }>(
      `SELECT count(*)::text AS missing FROM pause_windows w WHERE NOT EXISTS (SELECT 1 FROM pause_window_events e WHERE e.window_id = w.id AND e.kind = 'entered')`,
    );
    expect(missing).toBe('0');
  });
});

