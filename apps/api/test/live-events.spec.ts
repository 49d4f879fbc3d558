import { randomUUID } from 'node:crypto';
import type { ConvoyDetailResponse, LiveEvent } from '@relief-ledger/domain';
import { EventStream, openEventStream } from './utils/event-stream';
import { Client, clientFor, signIn } from './utils/session';
import { RunningApi, startApi } from './utils/start-api';
import { createTestDatabase, TestDatabase } from './utils/test-database';

/**
 * Two API processes on one database, as behind a load balancer: an event written through one
 * reaches a browser connected to the other (PostgreSQL LISTEN/NOTIFY), and a browser that
 * reconnects with Last-Event-ID gets what it missed.
 */
describe('live events across two API instances', () => {
  let db: TestDatabase;
  let a: RunningApi;
  let b: RunningApi;
  let writer: Client;
  let watcherCookie: string;
  let otherCookie: string;
  let convoy: ConvoyDetailResponse;
  const streams: EventStream[] = [];

  const open = async (api: RunningApi, cookie: string, lastEventId?: string) => {
    const stream = await openEventStream(api, cookie, lastEventId);
    streams.push(stream);
    return stream;
  };
  const aboutConvoy = (type: LiveEvent['type']) => (e: { data: LiveEvent }) => e.data.type === type && 'convoyId' in e.data && e.data.convoyId === convoy.id;

  beforeAll(async () => {
    db = await createTestDatabase();
    a = await startApi({ databaseUrl: db.url, env: { DEMO_DATA: 'true', LIVE_HEARTBEAT_SECONDS: '1' } });
    b = await startApi({ databaseUrl: db.url, env: { DEMO_DATA: 'true', LIVE_HEARTBEAT_SECONDS: '1' } });
    writer = clientFor(a, await signIn(a, 'field@hro.example'));
    watcherCookie = await signIn(b, 'coordinator@hro.example');
    otherCookie = await signIn(b, 'coordinator@kidsparadise.example');
    const coordinator = clientFor(a, watcherCookie);
    const [route] = (await coordinator.get('/api/v1/routes').expect(200)).body;
    convoy = (
      await coordinator
        .post('/api/v1/convoys')
        .send({ name: 'Live test convoy', purpose: 'supply', routeId: route.id, plannedDepartureAt: new Date().toISOString(), expectedDurationMinutes: 60, vehicleCount: 1 })
        .expect(201)
    ).body;
  });

  afterAll(async () => {
    for (const stream of streams) stream.close();
    await a?.stop();
    await b?.stop();
    await db?.drop();
  });

  it('refuses a stream without a session', async () => {
    const stream = await open(b, '');
    expect(stream.status).toBe(401);
  });

  it('delivers a status change and a check-in written through instance A to a browser on instance B', async () => {
    const stream = await open(b, watcherCookie);
    expect(stream.status).toBe(200);
    expect(stream.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    expect(stream.headers['cache-control']).toBe('no-store');
    await writer.post(`/api/v1/convoys/${convoy.id}/status`).send({ status: 'departed', version: convoy.version }).expect(200);
    const departed = await stream.waitFor(aboutConvoy('convoy.status'));
    expect(departed).toMatchObject({ type: 'convoy.status', data: { status: 'departed', event: { toStatus: 'departed', recordedByName: 'Field officer (HRO)' } } });
    await writer.post(`/api/v1/convoys/${convoy.id}/check-ins`).send({ clientId: randomUUID(), place: 'passed Dana' }).expect(201);
    const checkIn = await stream.waitFor(aboutConvoy('convoy.check_in'));
    expect(checkIn.data).toMatchObject({ event: { place: 'passed Dana' } });
    expect(Number(checkIn.id)).toBeGreaterThan(Number(departed.id));
  });

  it('replays what a reconnecting browser missed, from its Last-Event-ID, then goes on live', async () => {
    const first = await open(b, watcherCookie);
    await writer.post(`/api/v1/convoys/${convoy.id}/check-ins`).send({ clientId: randomUUID(), place: 'before the drop' }).expect(201);
    const last = await first.waitFor((e) => e.data.type === 'convoy.check_in' && e.data.event.place === 'before the drop');
    first.close();
    // While the phone is offline:
    await writer.post(`/api/v1/convoys/${convoy.id}/check-ins`).send({ clientId: randomUUID(), place: 'missed 1' }).expect(201);
    await writer.post(`/api/v1/convoys/${convoy.id}/check-ins`).send({ clientId: randomUUID(), place: 'missed 2' }).expect(201);

    const again = await open(b, watcherCookie, last.id);
    await again.waitFor((e) => e.data.type === 'convoy.check_in' && e.data.event.place === 'missed 2');
    const places = again.events.filter((e) => e.data.type === 'convoy.check_in').map((e) => (e.data as { event: { place: string } }).event.place);
    expect(places).toEqual(['missed 1', 'missed 2']);
    await writer.post(`/api/v1/convoys/${convoy.id}/check-ins`).send({ clientId: randomUUID(), place: 'live again' }).expect(201);
    await again.waitFor((e) => e.data.type === 'convoy.check_in' && e.data.event.place === 'live again');
    // Each event once, in order.
    const ids = again.events.map((e) => Number(e.id));
    expect(ids).toEqual([...new Set(ids)].sort((x, y) => x - y));
  });

  it("shows another organisation the convoy's status only: no check-ins, no place, no time of its events", async () => {
    const other = await open(b, otherCookie);
    const own = await open(b, watcherCookie);
    const detail = (await writer.get(`/api/v1/convoys/${convoy.id}`).expect(200)).body as ConvoyDetailResponse;
    await writer.post(`/api/v1/convoys/${convoy.id}/check-ins`).send({ clientId: randomUUID(), place: 'secret checkpoint' }).expect(201);
    await writer.post(`/api/v1/convoys/${convoy.id}/status`).send({ status: 'arrived', version: detail.version, place: 'Atmeh store' }).expect(200);
    await own.waitFor((e) => aboutConvoy('convoy.status')(e) && e.data.type === 'convoy.status' && e.data.status === 'arrived');
    const seen = await other.waitFor((e) => aboutConvoy('convoy.status')(e) && e.data.type === 'convoy.status' && e.data.status === 'arrived');
    expect(seen.data).toEqual({ type: 'convoy.status', convoyId: convoy.id, organisationId: convoy.organisationId, organisationName: 'Humanitarian Relief Organization', status: 'arrived', event: null });
    expect(other.events.some((e) => e.data.type === 'convoy.check_in')).toBe(false);
    expect(JSON.stringify(other.events)).not.toContain('secret checkpoint');
    expect(JSON.stringify(other.events)).not.toContain('Atmeh store');
  });

  it('ends the stream when its session ends', async () => {
    const cookie = await signIn(b, 'manager@hro.example');
    const stream = await open(b, cookie);
    expect(stream.status).toBe(200);
    await clientFor(b, cookie).post('/api/v1/auth/sign-out').expect(204);
    await stream.ended(5_000);
  });

  it("tells everyone about incidents, without naming another organisation's convoy", async () => {
    const other = await open(a, otherCookie);
    const own = await open(a, watcherCookie);
    const res = await writer.post('/api/v1/incidents').send({ kind: 'shelling', place: 'Ariha bypass', convoyId: convoy.id, description: 'Shelling reported' }).expect(201);
    const seen = await other.waitFor((e) => e.data.type === 'incident.reported' && e.data.incident.id === res.body.id);
    expect(seen.data).toMatchObject({ incident: { kind: 'shelling', place: 'Ariha bypass', reportedByOrganisation: 'Humanitarian Relief Organization', convoyId: null } });
    const mine = await own.waitFor((e) => e.data.type === 'incident.reported' && e.data.incident.id === res.body.id);
    expect(mine.data).toMatchObject({ incident: { convoyId: convoy.id } });
    // The same when replayed after a reconnect.
    const replayed = await open(a, otherCookie, String(Number(seen.id) - 1));
    const again = await replayed.waitFor((e) => e.id === seen.id);
    expect(again.data).toEqual(seen.data);
    expect(JSON.stringify(replayed.events)).not.toContain(convoy.id);
  });

  it('tells a browser too far behind to reload instead of replaying part of what it missed', async () => {
    // As if the first event had been pruned (they are kept 7 days) while the phone was away.
    const [{ oldest }] = await db.query<{ oldest: string }>(`DELETE FROM live_events WHERE id = (SELECT min(id) FROM live_events) RETURNING id::text AS oldest`);
    const stream = await open(b, watcherCookie, String(Number(oldest) - 1));
    expect(stream.status).toBe(200);
    await stream.waitFor((e) => e.type === 'reset');
    expect(stream.events.filter((e) => e.type !== 'reset')).toEqual([]);
  });
});
