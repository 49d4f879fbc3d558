import { randomUUID } from 'node:crypto';
import { checkConvoyTransition, CONVOY_STATUSES, CONVOY_STATUS_TRANSITIONS, resolveLocalTime, wallClockAt } from '@relief-ledger/domain';
import type { ConvoyDetailResponse, ConvoyStatus, PauseWindowResponse, RouteResponse } from '@relief-ledger/domain';
import { Client, signedIn } from './utils/session';
import { RunningApi, startApi } from './utils/start-api';
import { createTestDatabase, TestDatabase } from './utils/test-database';

describe('convoys, pause windows and incidents', () => {
  let db: TestDatabase;
  let api: RunningApi;
  let coordinator: Client;
  let field: Client;
  let otherCoordinator: Client;
  let places: Record<'maaret' | 'misrin' | 'ariha' | 'idlib' | 'sarmada' | 'atmeh' | 'maaretDistrict', string>;
  let routeCount = 0;

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startApi({ databaseUrl: db.url, env: { DEMO_DATA: 'true' } });
    coordinator = await signedIn(api, 'coordinator@hro.example');
    field = await signedIn(api, 'field@hro.example');
    otherCoordinator = await signedIn(api, 'coordinator@kidsparadise.example');
    const byPcode = async (pcode: string) => (await db.query<{ id: string }>(`SELECT id FROM locations WHERE pcode = $1`, [pcode]))[0].id;
    places = {
      maaret: await byPcode('SY07020001'),
      misrin: await byPcode('SY07000002'),
      ariha: await byPcode('SY07050001'),
      idlib: await byPcode('SY07000001'),
      sarmada: await byPcode('SY07030101'),
      atmeh: await byPcode('SY07030102'),
      maaretDistrict: await byPcode('SY0702'),
    };
  });

  afterAll(async () => {
    await api?.stop();
    await db?.drop();
  });

  /**
   * A route of its own per test, so windows and incidents of one test do not reach another; not
   * through Ma'arat al-Num'an itself, where the demo's airstrike of 23 December 2019 happened.
   */
  async function newRoute(stops = [places.misrin, places.ariha, places.idlib]): Promise<RouteResponse> {
    const res = await coordinator.post('/api/v1/routes').send({ name: `Test route ${++routeCount}`, locationIds: stops }).expect(201);
    return res.body;
  }

  async function newWindow(body: object): Promise<PauseWindowResponse> {
    const res = await coordinator
      .post('/api/v1/pause-windows')
      .send({ announcedBy: 'Test announcement', sourceText: 'until 6 p.m. local time', zone: 'Asia/Damascus', areaIds: [], ...body });
    expect(res.status).toBe(201);
    return res.body;
  }

  async function newConvoy(routeId: string, body: object = {}): Promise<ConvoyDetailResponse> {
    const res = await coordinator.post('/api/v1/convoys').send({
      name: `Convoy ${randomUUID().slice(0, 8)}`,
      purpose: 'evacuation',
      routeId,
      plannedDepartureAt: new Date(Date.now() + 3_600_000).toISOString(),
      expectedDurationMinutes: 120,
      vehicleCount: 3,
      ...body,
    });
    expect(res.status).toBe(201);
    return res.body;
  }

  function move(convoy: { id: string; version: number }, status: ConvoyStatus, extra: object = {}) {
    return field.post(`/api/v1/convoys/${convoy.id}/status`).send({ status, version: convoy.version, ...extra });
  }

  /** Tomorrow's date in Damascus, and an instant on it: plans are about the future. */
  const tomorrow = () => wallClockAt(new Date(Date.now() + 86_400_000), 'Asia/Damascus').date;
  const damascus = (date: string, time: string) => {
    const at = resolveLocalTime({ date, time }, 'Asia/Damascus');
    if (at.kind !== 'exact') throw new Error(at.kind);
    return at.instant;
  };

  const struckIncident = { incident: { kind: 'airstrike', killed: 0, injured: 2, description: 'Struck north of the city' } };

  describe('pause windows', () => {
    it('stores 18:00 in Damascus on 23 December 2019 as 16:00 UTC, and keeps the zone', async () => {
      const route = await newRoute();
      const window = await newWindow({ start: { date: '2019-12-23', time: '08:00' }, end: { time: '18:00' }, routeIds: [route.id] });
      expect(window).toMatchObject({
        zone: 'Asia/Damascus',
        startsAt: '2019-12-23T06:00:00.000Z',
        endsAt: '2019-12-23T16:00:00.000Z',
        endsLocal: { date: '2019-12-23', time: '18:00', offset: '+02:00' },
        status: 'ended',
        routes: [{ id: route.id, name: route.name }],
      });
      const [row] = await db.query<{ ends_at: Date; zone: string }>(`SELECT ends_at, zone FROM pause_windows WHERE id = $1`, [window.id]);
      expect(row).toEqual({ ends_at: new Date('2019-12-23T16:00:00Z'), zone: 'Asia/Damascus' });
    });

    it('stores 18:00 in Damascus on 23 December 2024 as 15:00 UTC (UTC+3 all year since 2022)', async () => {
      const route = await newRoute();
      const window = await newWindow({ start: { date: '2024-12-23', time: '08:00' }, end: { date: '2024-12-23', time: '18:00' }, routeIds: [route.id] });
      expect(window.endsAt).toBe('2024-12-23T15:00:00.000Z');
    });

    it('refuses a time the clocks jumped over (00:30 on 29 March 2019) instead of shifting it', async () => {
      const route = await newRoute();
      const before = await db.count('pause_windows');
      const res = await coordinator.post('/api/v1/pause-windows').send({
        announcedBy: 'x',
        sourceText: 'x',
        zone: 'Asia/Damascus',
        start: { date: '2019-03-29', time: '00:30' },
        end: { time: '06:00' },
        routeIds: [route.id],
        areaIds: [],
      });
      expect(res.status).toBe(422);
      expect(res.body.errors).toMatchObject([{ field: 'start.time', reason: expect.stringContaining('does not exist') }]);
      expect(await db.count('pause_windows')).toBe(before);
    });

    it('asks which reading of the repeated hour (night into 25 October 2019) was meant, and takes the offset', async () => {
      const route = await newRoute();
      const body = { announcedBy: 'x', sourceText: 'x', zone: 'Asia/Damascus', end: { date: '2019-10-25', time: '06:00' }, routeIds: [route.id], areaIds: [] };
      const before = await db.count('pause_windows');
      const asked = await coordinator.post('/api/v1/pause-windows').send({ ...body, start: { date: '2019-10-24', time: '23:30' } });
      expect(asked.status).toBe(422);
      expect(asked.body.errors[0]).toEqual({
        field: 'start.time',
        reason: expect.stringMatching(/happened twice.*\+03:00 or \+02:00/),
        code: 'time.ambiguous',
        params: { date: '2019-10-24', time: '23:30', zone: 'Asia/Damascus', offsets: '+03:00 or +02:00' },
      });
      expect(await db.count('pause_windows')).toBe(before);
      const later = await newWindow({ ...body, start: { date: '2019-10-24', time: '23:30', offset: '+02:00' } });
      expect(later.startsAt).toBe('2019-10-24T21:30:00.000Z');
      const earlier = await newWindow({ ...body, start: { date: '2019-10-24', time: '23:30', offset: '+03:00' } });
      expect(earlier.startsAt).toBe('2019-10-24T20:30:00.000Z');
    });

    it('takes "from now until HH:mm local" as now until that time today in the zone, and refuses a time already past', async () => {
      const route = await newRoute();
      const now = wallClockAt(new Date(), 'Asia/Damascus');
      // An hour from now, or the last minute of the day late in the evening.
      const later = wallClockAt(new Date(Date.now() + 3_600_000), 'Asia/Damascus');
      const until = later.date === now.date ? later.time : '23:59';
      const window = await newWindow({ end: { time: until }, routeIds: [route.id] });
      expect(Date.parse(window.startsAt)).toBeLessThanOrEqual(Date.now());
      expect(window.endsLocal).toMatchObject({ date: now.date, time: until });
      expect(window.status).toBe('in_force');

      const passed = await coordinator
        .post('/api/v1/pause-windows')
        .send({ announcedBy: 'x', sourceText: 'x', zone: 'Asia/Damascus', end: { time: '00:00' }, routeIds: [route.id], areaIds: [] });
      expect(passed.status).toBe(422);
      expect(passed.body.errors).toMatchObject([{ field: 'end.date', reason: `00:00 has already passed on ${now.date} in Asia/Damascus: give the date it ends` }]);
    });

    it('marks a window entered after the fact violated by an incident already recorded inside it', async () => {
      const route = await newRoute();
      await field.post('/api/v1/incidents').send({ kind: 'shelling', occurredAt: '2019-12-21T10:00:00Z', routeId: route.id, description: 'Shelling on the road' }).expect(201);
      const window = await newWindow({ start: { date: '2019-12-21', time: '08:00' }, end: { time: '18:00' }, routeIds: [route.id] });
      expect(window).toMatchObject({ status: 'violated', violatedAt: '2019-12-21T10:00:00.000Z' });
    });

    it('refuses an end before the start, an unknown zone, and a window that covers nothing, each naming the field', async () => {
      const route = await newRoute();
      const base = { announcedBy: 'x', sourceText: 'x', zone: 'Asia/Damascus', routeIds: [route.id], areaIds: [] };
      const backwards = await coordinator.post('/api/v1/pause-windows').send({ ...base, start: { date: '2019-12-23', time: '18:00' }, end: { date: '2019-12-23', time: '08:00' } });
      expect(backwards.status).toBe(422);
      expect(backwards.body.errors[0].field).toBe('end');
      const zone = await coordinator.post('/api/v1/pause-windows').send({ ...base, zone: 'Syria/Idlib', end: { time: '18:00' } });
      expect(zone.body.errors[0].field).toBe('zone');
      const nothing = await coordinator.post('/api/v1/pause-windows').send({ ...base, routeIds: [], end: { time: '18:00' } });
      expect(nothing.status).toBe(422);
      expect(nothing.body.errors[0].field).toBe('routeIds');
      const badTime = await coordinator.post('/api/v1/pause-windows').send({ ...base, end: { time: '6 pm' } });
      expect(badTime.status).toBe(400);
      expect(badTime.body.errors[0].field).toBe('end.time');
    });

    it('lists windows in force first', async () => {
      const res = await field.get('/api/v1/pause-windows').expect(200);
      const statuses = (res.body.items as PauseWindowResponse[]).map((w) => w.status);
      expect(statuses[0]).toBe('in_force');
      expect(statuses.lastIndexOf('in_force')).toBeLessThan(statuses.findIndex((s) => s !== 'in_force' && s !== 'upcoming'));
    });
  });

  describe('status transitions', () => {
    /** A convoy brought to `status` by legal moves. */
    async function convoyAt(status: ConvoyStatus, routeId: string): Promise<ConvoyDetailResponse> {
      let convoy = await newConvoy(routeId);
      const path: Record<ConvoyStatus, ConvoyStatus[]> = { planned: [], departed: ['departed'], arrived: ['departed', 'arrived'], aborted: ['aborted'], struck: ['departed', 'struck'] };
      for (const step of path[status]) {
        const res = await move(convoy, step, step === 'struck' ? struckIncident : {});
        expect(res.status).toBe(200);
        convoy = res.body;
      }
      return convoy;
    }

    const pairs = CONVOY_STATUSES.flatMap((from) => CONVOY_STATUSES.map((to) => [from, to] as const));
    const legal = pairs.filter(([from, to]) => CONVOY_STATUS_TRANSITIONS[from].includes(to));
    const illegal = pairs.filter(([from, to]) => !CONVOY_STATUS_TRANSITIONS[from].includes(to));

    it.each(illegal)('refuses %s → %s with the reason, and writes nothing', async (from, to) => {
      const route = await newRoute();
      const convoy = await convoyAt(from, route.id);
      const events = await db.count('convoy_events');
      const res = await move(convoy, to, to === 'struck' ? struckIncident : {});
      expect(res.status).toBe(409);
      const check = checkConvoyTransition(from, to);
      expect(res.body).toMatchObject({ code: 'convoy.illegal_transition', detail: check.ok ? undefined : check.reason });
      expect(await db.count('convoy_events')).toBe(events);
      const [row] = await db.query<{ status: string; version: number }>(`SELECT status, version FROM convoys WHERE id = $1`, [convoy.id]);
      expect(row).toEqual({ status: from, version: convoy.version });
    });

    it.each(legal)('allows %s → %s and writes exactly one event', async (from, to) => {
      const route = await newRoute();
      const convoy = await convoyAt(from, route.id);
      const before = await db.query<{ count: string }>(`SELECT count(*) FROM convoy_events WHERE convoy_id = $1`, [convoy.id]);
      const res = await move(convoy, to, { place: 'north of the city', note: 'as seen', ...(to === 'struck' ? struckIncident : {}) });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: to, version: convoy.version + 1 });
      const events = await db.query<{ from_status: string; to_status: string; place: string; recorded_by: string }>(
        `SELECT from_status, to_status, place, recorded_by FROM convoy_events WHERE convoy_id = $1 AND kind = 'status' ORDER BY seq DESC`,
        [convoy.id],
      );
      expect(events.length).toBe(Number(before[0].count) + 1);
      expect(events[0]).toMatchObject({ from_status: from, to_status: to, place: 'north of the city' });
      expect(res.body.events[0]).toMatchObject({ kind: 'status', fromStatus: from, toStatus: to, recordedByName: 'Field officer (HRO)' });
    });

    it('refuses a change based on a stale version, and a change without any version', async () => {
      const route = await newRoute();
      const convoy = await newConvoy(route.id);
      expect((await move(convoy, 'departed')).status).toBe(200);
      const stale = await move(convoy, 'aborted');
      expect(stale.status).toBe(409);
      expect(stale.body.code).toBe('convoy.stale_version');
      const none = await field.post(`/api/v1/convoys/${convoy.id}/status`).send({ status: 'arrived' });
      expect(none.status).toBe(428);
    });

    it('lets one of two simultaneous departures through; the other is told it changed meanwhile', async () => {
      const route = await newRoute();
      const convoy = await newConvoy(route.id);
      const answers = await Promise.all([move(convoy, 'departed'), move(convoy, 'departed'), move(convoy, 'aborted')]);
      expect(answers.map((a) => a.status).sort()).toEqual([200, 409, 409]);
      const [{ count }] = await db.query<{ count: string }>(`SELECT count(*) FROM convoy_events WHERE convoy_id = $1`, [convoy.id]);
      expect(Number(count)).toBe(1);
    });

    it('answers a re-sent change that went through with the convoy as it is, once', async () => {
      const route = await newRoute();
      const convoy = await newConvoy(route.id);
      const clientId = randomUUID();
      const first = await move(convoy, 'departed', { clientId }).expect(200);
      const again = await move(convoy, 'departed', { clientId }).expect(200);
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect(again.body).toMatchObject({ status: 'departed', version: first.body.version });
      expect((await move(convoy, 'aborted', { clientId })).status).toBe(422);
      const [{ count }] = await db.query<{ count: string }>(`SELECT count(*) FROM convoy_events WHERE convoy_id = $1`, [convoy.id]);
      expect(Number(count)).toBe(1);
    });

    it('refuses an arrival or check-in dated before the departure', async () => {
      const route = await newRoute();
      const convoy = await newConvoy(route.id);
      const departed = (await move(convoy, 'departed').expect(200)).body;
      const early = new Date(Date.parse(departed.departedAt) - 60_000).toISOString();
      const arrival = await move(departed, 'arrived', { occurredAt: early });
      expect(arrival.status).toBe(422);
      expect(arrival.body.errors[0].field).toBe('occurredAt');
      expect((await field.post(`/api/v1/convoys/${convoy.id}/check-ins`).send({ place: 'x', occurredAt: early })).status).toBe(422);
    });

    it('needs the incident for "struck"', async () => {
      const route = await newRoute();
      const convoy = await convoyAt('departed', route.id);
      const res = await move(convoy, 'struck');
      expect(res.status).toBe(422);
      expect(res.body.errors[0].field).toBe('incident');
    });
  });

  describe('coverage and go/no-go', () => {
    it('a convoy departing 15:30 local for a 2 h trip under a window ending 18:00 local: partly covered, the last 30 min of its 1 h margin exposed', async () => {
      const route = await newRoute();
      const day = tomorrow();
      await newWindow({ start: { date: day, time: '08:00' }, end: { time: '18:00' }, routeIds: [route.id] });
      const convoy = await newConvoy(route.id, { plannedDepartureAt: damascus(day, '15:30'), expectedDurationMinutes: 120, safetyMarginMinutes: 60 });
      expect(convoy.coverage).toEqual({
        kind: 'partly_covered',
        windowIds: [expect.any(String)],
        coveredUntil: damascus(day, '18:00'),
        exposedMinutes: 30,
        exposedFrom: damascus(day, '18:00'),
      });
      expect(convoy.goNoGo).toEqual({ go: false, reasons: [expect.objectContaining({ code: 'window_ends_before_arrival' })] });
      expect(convoy.windows.map((w) => w.status)).toEqual(['upcoming']);

      const tight = await newConvoy(route.id, { plannedDepartureAt: damascus(day, '15:30'), expectedDurationMinutes: 120, safetyMarginMinutes: 0 });
      expect(tight.coverage?.kind).toBe('covered');
      expect(tight.goNoGo).toEqual({ go: true, reasons: [] });
    });

    it('judges a planned convoy that is late leaving by leaving now, not by its plan', async () => {
      const route = await newRoute();
      await newWindow({ start: { date: '2019-12-23', time: '08:00' }, end: { time: '18:00' }, routeIds: [route.id] });
      const late = await newConvoy(route.id, { plannedDepartureAt: '2019-12-23T10:00:00+02:00', expectedDurationMinutes: 60 });
      expect(late.coverage).toMatchObject({ kind: 'not_covered' });
    });

    it('is covered by a window over an area that holds every stop, and not covered without one', async () => {
      const route = await newRoute([places.maaret, places.maaretDistrict]);
      const day = tomorrow();
      const uncovered = await newConvoy(route.id, { plannedDepartureAt: damascus(day, '10:00'), expectedDurationMinutes: 60 });
      expect(uncovered.coverage).toMatchObject({ kind: 'not_covered', exposedMinutes: 120 });
      expect(uncovered.goNoGo?.reasons.map((r) => r.code)).toEqual(['no_window']);
      await newWindow({ start: { date: day, time: '06:00' }, end: { time: '18:00' }, routeIds: [], areaIds: [places.maaretDistrict] });
      const covered = await coordinator.get(`/api/v1/convoys/${uncovered.id}`).expect(200);
      expect(covered.body.coverage.kind).toBe('covered');
    });

    it('says no-go after an incident on the route and while a convoy on it is overdue', async () => {
      const route = await newRoute();
      await newWindow({ end: { date: tomorrow(), time: '18:00' }, routeIds: [route.id] });
      const late = await newConvoy(route.id, { checkInIntervalMinutes: 5 });
      await move(late, 'departed', { occurredAt: new Date(Date.now() - 3_600_000).toISOString() }).expect(200);
      await field
        .post('/api/v1/incidents')
        .send({ kind: 'shelling', routeId: route.id, occurredAt: new Date(Date.now() - 7_200_000).toISOString(), description: 'Shelling near Ariha' })
        .expect(201);
      const next = await newConvoy(route.id, { plannedDepartureAt: new Date(Date.now() + 600_000).toISOString(), expectedDurationMinutes: 30, safetyMarginMinutes: 0 });
      const codes = next.goNoGo?.reasons.map((r) => r.code);
      expect(codes).toEqual(expect.arrayContaining(['recent_incident', 'overdue_convoys']));
      expect(next.goNoGo?.go).toBe(false);
      const board = await coordinator.get(`/api/v1/convoys?routeId=${route.id}&status=departed`).expect(200);
      expect(board.body.items[0]).toMatchObject({ id: late.id, overdue: true });
    });
  });

  describe('incidents', () => {
    it('marks violated a window in force on the route, and tells every organisation', async () => {
      const route = await newRoute();
      const window = await newWindow({ start: { date: '2019-12-23', time: '08:00' }, end: { time: '18:00' }, routeIds: [route.id] });
      const outside = await newWindow({ start: { date: '2019-12-22', time: '08:00' }, end: { time: '18:00' }, routeIds: [route.id] });
      // 14:30 GMT on 23 December 2019: in force (the window ends at 16:00 GMT).
      const res = await field
        .post('/api/v1/incidents')
        .send({ kind: 'airstrike', occurredAt: '2019-12-23T14:30:00Z', routeId: route.id, killed: 3, injured: 8, description: 'Convoy struck' });
      expect(res.status).toBe(201);
      expect(res.body.violatedWindowIds).toEqual([window.id]);
      const seen = await otherCoordinator.get(`/api/v1/pause-windows/${window.id}`).expect(200);
      expect(seen.body).toMatchObject({ status: 'violated', violatedAt: '2019-12-23T14:30:00.000Z', violatedByIncidentId: res.body.id });
      expect((await otherCoordinator.get(`/api/v1/pause-windows/${outside.id}`)).body.status).toBe('ended');
      const list = await otherCoordinator.get('/api/v1/incidents?kind=airstrike').expect(200);
      expect(list.body.items.map((i: { id: string }) => i.id)).toContain(res.body.id);
    });

    it('records a re-sent report once, refuses the same id with other content, and wants to know where', async () => {
      const clientId = randomUUID();
      const body = { clientId, kind: 'blocked_road', place: 'M5 at Khan Sheikhoun', description: 'Earth berm across the road' };
      const first = await field.post('/api/v1/incidents').send(body).expect(201);
      const again = await field.post('/api/v1/incidents').send(body).expect(201);
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect(again.body.id).toBe(first.body.id);
      expect((await field.post('/api/v1/incidents').send({ ...body, description: 'other' })).status).toBe(422);
      const nowhere = await field.post('/api/v1/incidents').send({ kind: 'other', description: 'x' });
      expect(nowhere.status).toBe(422);
      expect(nowhere.body.errors[0].field).toBe('locationId');
      // Within a day ahead the form is fine but the report cannot be from the future (422);
      // further out the date itself is refused (400).
      const soon = await field.post('/api/v1/incidents').send({ kind: 'other', place: 'x', description: 'x', occurredAt: new Date(Date.now() + 3_600_000).toISOString() });
      expect(soon.status).toBe(422);
      const future = await field.post('/api/v1/incidents').send({ kind: 'other', place: 'x', description: 'x', occurredAt: '2099-01-01T00:00:00Z' });
      expect(future.status).toBe(400);
    });
  });

  describe('check-ins', () => {
    it('records a check-in once per client id, moves the next one due, and refuses one from a convoy not on the road', async () => {
      const route = await newRoute();
      const convoy = await newConvoy(route.id, { checkInIntervalMinutes: 30 });
      const early = await field.post(`/api/v1/convoys/${convoy.id}/check-ins`).send({ place: 'still at the depot' });
      expect(early.status).toBe(409);
      expect(early.body.code).toBe('convoy.not_on_the_road');
      await move(convoy, 'departed', { occurredAt: new Date(Date.now() - 120_000).toISOString() }).expect(200);
      const clientId = randomUUID();
      const body = { clientId, place: 'passed Ariha', locationId: places.ariha, occurredAt: new Date(Date.now() - 60_000).toISOString() };
      const first = await field.post(`/api/v1/convoys/${convoy.id}/check-ins`).send(body).expect(201);
      const again = await field.post(`/api/v1/convoys/${convoy.id}/check-ins`).send(body).expect(201);
      expect(again.body.id).toBe(first.body.id);
      expect((await field.post(`/api/v1/convoys/${convoy.id}/check-ins`).send({ ...body, place: 'elsewhere' })).status).toBe(422);
      const detail = (await field.get(`/api/v1/convoys/${convoy.id}`).expect(200)).body as ConvoyDetailResponse;
      expect(detail.events.filter((e) => e.kind === 'check_in')).toHaveLength(1);
      expect(detail.lastCheckInAt).toBe(body.occurredAt);
      // Due one interval after the later of departure and the last check-in.
      const last = Math.max(Date.parse(body.occurredAt), Date.parse(detail.departedAt!));
      expect(detail.nextCheckInDueAt).toBe(new Date(last + 30 * 60_000).toISOString());
      expect(detail.events.find((e) => e.kind === 'check_in')).toMatchObject({ place: 'passed Ariha', locationName: 'Ariha', recordedByName: 'Field officer (HRO)' });
    });
  });

  describe('cargo', () => {
    let parcel: string;
    let warehouse: string;
    let store: string;

    beforeAll(async () => {
      parcel = (await db.query<{ id: string }>(`SELECT id FROM items WHERE code = 'BLANKET'`))[0].id;
      const point = async (name: string) => (await coordinator.post('/api/v1/stock-points').send({ name, kind: 'warehouse', locationId: places.sarmada }).expect(201)).body.id;
      warehouse = await point('Cargo test warehouse');
      store = await point('Cargo test destination');
      await coordinator.post('/api/v1/stock/receipts').send({ stockPointId: warehouse, itemId: parcel, quantity: 1_000, reference: 'test pipeline' }).expect(201);
    });

    const level = async (point: string) => Number((await db.query<{ quantity: string }>(`SELECT quantity FROM stock_levels WHERE stock_point_id = $1 AND item_id = $2`, [point, parcel]))[0]?.quantity ?? 0);
    /** Everything ever received of the item by the organisation = all levels (transit included) + everything written off. */
    const balance = async () => {
      const [row] = await db.query<{ levels: string; receipts: string; losses: string }>(
        `SELECT (SELECT sum(l.quantity) FROM stock_levels l JOIN stock_points p ON p.id = l.stock_point_id WHERE l.item_id = $1 AND p.name LIKE ANY(ARRAY['Cargo test%', 'In transit: Cargo%'])) AS levels,
           (SELECT sum(m.quantity) FROM stock_movements m JOIN stock_points p ON p.id = m.stock_point_id WHERE m.item_id = $1 AND m.kind = 'receipt' AND p.name LIKE 'Cargo test%') AS receipts,
           (SELECT coalesce(-sum(m.quantity), 0) FROM stock_movements m JOIN stock_points p ON p.id = m.stock_point_id WHERE m.item_id = $1 AND m.kind = 'loss' AND p.name LIKE 'In transit: Cargo%') AS losses`,
        [parcel],
      );
      return { levels: Number(row.levels), receipts: Number(row.receipts), losses: Number(row.losses) };
    };

    async function cargoConvoy(quantity: number) {
      const route = await newRoute([places.sarmada, places.idlib]);
      return newConvoy(route.id, {
        name: `Cargo ${randomUUID().slice(0, 6)}`,
        purpose: 'supply',
        destinationStockPointId: store,
        cargo: [{ stockPointId: warehouse, itemId: parcel, quantity }],
      });
    }

    it('draws the cargo into transit on departure and lands it in the destination on arrival; totals balance', async () => {
      const convoy = await cargoConvoy(200);
      expect(convoy.cargo).toEqual([expect.objectContaining({ quantity: 200, state: 'planned', itemCode: 'BLANKET' })]);
      expect(await level(warehouse)).toBe(1_000);
      const departed = (await move(convoy, 'departed').expect(200)).body as ConvoyDetailResponse;
      expect(departed.cargo[0].state).toBe('in_transit');
      expect(await level(warehouse)).toBe(800);
      const [transit] = await db.query<{ quantity: string }>(
        `SELECT l.quantity FROM stock_levels l JOIN convoys c ON c.transit_stock_point_id = l.stock_point_id WHERE c.id = $1`,
        [convoy.id],
      );
      expect(Number(transit.quantity)).toBe(200);
      const arrived = (await move(departed, 'arrived').expect(200)).body as ConvoyDetailResponse;
      expect(arrived.cargo[0].state).toBe('delivered');
      expect(await level(store)).toBe(200);
      const totals = await balance();
      expect(totals.levels + totals.losses).toBe(totals.receipts);
    });

    it("writes a struck convoy's cargo off as a loss tied to the incident; totals balance", async () => {
      const convoy = await cargoConvoy(150);
      const departed = (await move(convoy, 'departed').expect(200)).body as ConvoyDetailResponse;
      const struck = (await move(departed, 'struck', struckIncident).expect(200)).body as ConvoyDetailResponse;
      expect(struck.cargo[0].state).toBe('lost');
      const incidentId = struck.events[0].incidentId;
      expect(incidentId).toEqual(expect.any(String));
      const losses = await db.query<{ quantity: string; loss_cause: string; incident_id: string }>(
        `SELECT m.quantity, m.loss_cause, m.incident_id FROM stock_movements m JOIN convoys c ON c.transit_stock_point_id = m.stock_point_id WHERE c.id = $1 AND m.kind = 'loss'`,
        [convoy.id],
      );
      expect(losses).toEqual([{ quantity: '-150', loss_cause: 'destroyed', incident_id: incidentId }]);
      const incident = await field.get(`/api/v1/incidents/${incidentId}`).expect(200);
      expect(incident.body).toMatchObject({ kind: 'airstrike', convoyId: convoy.id, injured: 2 });
      const totals = await balance();
      expect(totals.levels + totals.losses).toBe(totals.receipts);
    });

    it('returns the cargo to its source when aborted on the road, and refuses to leave without enough stock', async () => {
      const convoy = await cargoConvoy(100);
      const before = await level(warehouse);
      const departed = (await move(convoy, 'departed').expect(200)).body as ConvoyDetailResponse;
      const aborted = (await move(departed, 'aborted').expect(200)).body as ConvoyDetailResponse;
      expect(aborted.cargo[0].state).toBe('returned');
      expect(await level(warehouse)).toBe(before);

      const tooMuch = await cargoConvoy(5_000);
      const events = await db.count('convoy_events');
      const refused = await move(tooMuch, 'departed');
      expect(refused.status).toBe(409);
      expect(refused.body).toMatchObject({ code: 'stock.insufficient', errors: [{ field: 'cargo', reason: `only ${before} available` }] });
      expect(await level(warehouse)).toBe(before);
      expect(await db.count('convoy_events')).toBe(events);
      expect((await db.query(`SELECT status FROM convoys WHERE id = $1`, [tooMuch.id]))[0]).toEqual({ status: 'planned' });
    });

    it('refuses cargo from another organisation or without a destination', async () => {
      const route = await newRoute([places.sarmada, places.idlib]);
      const body = { name: 'x', purpose: 'supply', routeId: route.id, plannedDepartureAt: '2030-01-01T08:00:00Z', expectedDurationMinutes: 60, vehicleCount: 1 };
      const noDestination = await coordinator.post('/api/v1/convoys').send({ ...body, cargo: [{ stockPointId: warehouse, itemId: parcel, quantity: 1 }] });
      expect(noDestination.status).toBe(422);
      expect(noDestination.body.errors[0].field).toBe('destinationStockPointId');
      const foreign = await otherCoordinator.post('/api/v1/convoys').send({ ...body, destinationStockPointId: store, cargo: [{ stockPointId: warehouse, itemId: parcel, quantity: 1 }] });
      expect(foreign.status).toBe(422);
      expect(foreign.body.errors[0].field).toBe('cargo.0.stockPointId');
    });
  });

  describe('who sees what', () => {
    it("shows another organisation a convoy's status only, never its route or times", async () => {
      const route = await newRoute();
      const convoy = await newConvoy(route.id);
      expect((await otherCoordinator.get(`/api/v1/convoys/${convoy.id}`)).status).toBe(404);
      const theirs = await otherCoordinator.get('/api/v1/convoys?pageSize=100').expect(200);
      expect(theirs.body.items.map((c: { id: string }) => c.id)).not.toContain(convoy.id);
      const statuses = await otherCoordinator.get('/api/v1/convoys/statuses').expect(200);
      const seen = statuses.body.find((c: { id: string }) => c.id === convoy.id);
      expect(Object.keys(seen).sort()).toEqual(['id', 'organisationId', 'organisationName', 'status', 'updatedAt']);
      expect(JSON.stringify(statuses.body)).not.toContain(route.id);
      expect((await otherCoordinator.post(`/api/v1/convoys/${convoy.id}/check-ins`).send({ place: 'x' })).status).toBe(404);
    });

    it("dates another organisation's status by its event, and lists every ended convoy only when asked", async () => {
      const recent = await coordinator.get('/api/v1/convoys/statuses').expect(200);
      const isStruck2019 = (c: { status: string; updatedAt: string }) => c.status === 'struck' && c.updatedAt === '2019-12-23T14:30:00.000Z';
      expect(recent.body.some(isStruck2019)).toBe(false);
      const all = await coordinator.get('/api/v1/convoys/statuses?ended=all').expect(200);
      expect(all.body.filter(isStruck2019)).toEqual([expect.objectContaining({ organisationName: 'Kids Paradise' })]);
      const bad = await coordinator.get('/api/v1/convoys/statuses?ended=ever').expect(400);
      expect(bad.body.errors[0].field).toBe('ended');
    });

    it('loads the design case: the 23 December 2019 window violated by the strike on the Kids Paradise convoy at 14:30 GMT', async () => {
      const windows = await field.get('/api/v1/pause-windows?status=violated').expect(200);
      const dec23 = (windows.body.items as PauseWindowResponse[]).find((w) => w.announcedBy === 'Russia and the regime, notified to the UN')!;
      expect(dec23).toMatchObject({ endsAt: '2019-12-23T16:00:00.000Z', violatedAt: '2019-12-23T14:30:00.000Z', endsLocal: { time: '18:00', offset: '+02:00' } });
      const incident = await otherCoordinator.get(`/api/v1/incidents/${dec23.violatedByIncidentId}`).expect(200);
      expect(incident.body).toMatchObject({ kind: 'airstrike', reportedByOrganisation: 'Kids Paradise', convoyId: expect.any(String) });
      expect(incident.body.violatedWindowIds).toContain(dec23.id);
      const own = await otherCoordinator.get(`/api/v1/convoys/${incident.body.convoyId}`).expect(200);
      expect(own.body).toMatchObject({ status: 'struck', purpose: 'evacuation' });
      // Everyone learns what happened where and when; not which convoy it was.
      const shared = await field.get(`/api/v1/incidents/${dec23.violatedByIncidentId}`).expect(200);
      expect(shared.body).toMatchObject({ kind: 'airstrike', occurredAt: '2019-12-23T14:30:00.000Z', convoyId: null, campId: null, campName: null });
    });
  });
});
