import { randomUUID } from 'node:crypto';
import { KEY_REUSED_CODE } from '@relief-ledger/domain';
import type { Test } from 'supertest';
import { Client, signedIn } from './utils/session';
import { RunningApi, startApi } from './utils/start-api';
import { createTestDatabase, TestDatabase } from './utils/test-database';

interface Fixtures {
  location: string;
  location2: string;
  route: string;
  warehouse: string;
  store: string;
  camp: string;
  item: string;
  /** What an attempt prepared for itself (a convoy on the road, a movement to reverse). */
  own: Record<string, string>;
}

/** The key, in the body or in the header. */
interface Key {
  clientId?: string;
  header?: string;
}

interface CreatingRoute {
  as: 'coordinator' | 'field';
  /** Where the record lands, to count it. */
  table: string;
  /** Sends the attempt's request, or the same request with other content. */
  send: (http: Client, f: Fixtures, n: number, key: Key, other: boolean) => Test;
  /** What an attempt needs of its own before it sends. */
  prepare?: (coordinator: Client, f: Fixtures, n: number) => Promise<Record<string, string>>;
  /** The key can only travel as a header (a file has no body fields). */
  headerOnly?: true;
  /** Rows one request writes to `table` (a transfer has two legs). */
  records?: number;
}

const withKey = (test: Test, body: object, key: Key) => (key.header ? test.set('Idempotency-Key', key.header) : test).send({ ...body, ...(key.clientId ? { clientId: key.clientId } : {}) });

/** A movement of one unit, or of two for "other content". */
const movement = (other: boolean, fields: object) => ({ quantity: other ? 2 : 1, ...fields });

/** Every POST that creates something, under the one replay rule (common/replay). */
const CREATING: Record<string, CreatingRoute> = {
  'POST /api/v1/camps': {
    as: 'coordinator',
    table: 'camps',
    send: (http, f, n, key, other) => withKey(http.post('/api/v1/camps'), { locationId: f.location, nameEn: `Replay camp ${n}`, nameAr: 'مخيم', population: other ? 11 : 10, households: 2, capacity: 20 }, key),
  },
  'POST /api/v1/routes': {
    as: 'coordinator',
    table: 'routes',
    send: (http, f, n, key, other) => withKey(http.post('/api/v1/routes'), { name: `Replay route ${n}`, locationIds: other ? [f.location2, f.location] : [f.location, f.location2] }, key),
  },
  'POST /api/v1/pause-windows': {
    as: 'coordinator',
    table: 'pause_windows',
    send: (http, f, _n, key, other) =>
      withKey(
        http.post('/api/v1/pause-windows'),
        { announcedBy: 'Replay', sourceText: 'until 18:00', zone: 'Asia/Damascus', start: { date: '2019-12-23', time: '08:00' }, end: { time: other ? '17:00' : '18:00' }, routeIds: [f.route], areaIds: [] },
        key,
      ),
  },
  'POST /api/v1/incidents': {
    as: 'field',
    table: 'incidents',
    send: (http, f, _n, key, other) =>
      withKey(http.post('/api/v1/incidents'), { kind: 'blocked_road', occurredAt: '2019-12-20T10:00:00Z', locationId: f.location, description: other ? 'Road closed again' : 'Road closed' }, key),
  },
  'POST /api/v1/stock-points': {
    as: 'coordinator',
    table: 'stock_points',
    send: (http, f, n, key, other) => withKey(http.post('/api/v1/stock-points'), { name: `Replay store ${n}`, kind: 'warehouse', locationId: other ? f.location2 : f.location }, key),
  },
  'POST /api/v1/stock/receipts': {
    as: 'coordinator',
    table: 'stock_movements',
    send: (http, f, _n, key, other) => withKey(http.post('/api/v1/stock/receipts'), movement(other, { stockPointId: f.warehouse, itemId: f.item, reference: 'Waybill' }), key),
  },
  'POST /api/v1/stock/transfers': {
    as: 'coordinator',
    table: 'stock_movements',
    records: 2,
    send: (http, f, _n, key, other) => withKey(http.post('/api/v1/stock/transfers'), movement(other, { fromStockPointId: f.warehouse, toStockPointId: f.store, itemId: f.item }), key),
  },
  'POST /api/v1/stock/losses': {
    as: 'coordinator',
    table: 'stock_movements',
    send: (http, f, _n, key, other) => withKey(http.post('/api/v1/stock/losses'), movement(other, { stockPointId: f.warehouse, itemId: f.item, cause: 'spoiled' }), key),
  },
  'POST /api/v1/stock/adjustments': {
    as: 'coordinator',
    table: 'stock_movements',
    send: (http, f, n, key, other) => withKey(http.post('/api/v1/stock/adjustments'), { stockPointId: f.warehouse, itemId: f.item, countedQuantity: 500_000 + n * 10 + (other ? 1 : 0), reason: 'count' }, key),
  },
  'POST /api/v1/stock/movements/{id}/reverse': {
    as: 'coordinator',
    table: 'stock_movements',
    prepare: async (http, f) => ({ movement: (await http.post('/api/v1/stock/receipts').send({ stockPointId: f.warehouse, itemId: f.item, quantity: 3, reference: 'to undo' }).expect(201)).body.id }),
    send: (http, f, _n, key, other) => withKey(http.post(`/api/v1/stock/movements/${f.own.movement}/reverse`), { reason: other ? 'entered twice, really' : 'entered twice' }, key),
  },
  'POST /api/v1/distributions': {
    as: 'field',
    table: 'distributions',
    send: (http, f, _n, key, other) => withKey(http.post('/api/v1/distributions'), { campId: f.camp, itemId: f.item, stockPointId: f.warehouse, quantity: other ? 2 : 1, households: 1, people: 5 }, key),
  },
  'POST /api/v1/distributions/import': {
    as: 'field',
    table: 'distributions',
    headerOnly: true,
    prepare: async () => ({ rowId: randomUUID() }),
    send: (http, f, _n, key, other) =>
      http
        .post('/api/v1/distributions/import')
        .set('Idempotency-Key', key.header ?? key.clientId!)
        .set('content-type', 'text/csv')
        .send(`client_id,camp_id,item_code,stock_point_id,quantity,households,people,distributed_at\r\n${f.own.rowId},${f.camp},FOOD-PARCEL,${f.warehouse},${other ? 2 : 1},1,5,\r\n`),
  },
  'POST /api/v1/convoys': {
    as: 'coordinator',
    table: 'convoys',
    send: (http, f, n, key, other) =>
      withKey(http.post('/api/v1/convoys'), { name: `Replay convoy ${n}`, purpose: 'supply', routeId: f.route, plannedDepartureAt: '2030-01-01T08:00:00Z', expectedDurationMinutes: other ? 90 : 60, vehicleCount: 1 }, key),
  },
  'POST /api/v1/convoys/{id}/status': {
    as: 'field',
    table: 'convoy_events',
    prepare: async (http, f, n) => ({ convoy: await plannedConvoy(http, f, n) }),
    send: (http, f, _n, key, other) => withKey(http.post(`/api/v1/convoys/${f.own.convoy}/status`), { status: 'aborted', version: 1, note: other ? 'called off' : 'cancelled' }, key),
  },
  'POST /api/v1/convoys/{id}/check-ins': {
    as: 'field',
    table: 'convoy_events',
    prepare: async (http, f, n) => {
      const convoy = await plannedConvoy(http, f, n);
      await http.post(`/api/v1/convoys/${convoy}/status`).send({ status: 'departed', version: 1 }).expect(200);
      return { convoy };
    },
    send: (http, f, _n, key, other) => withKey(http.post(`/api/v1/convoys/${f.own.convoy}/check-ins`), { place: other ? 'Ariha' : 'Dana checkpoint' }, key),
  },
};

async function plannedConvoy(http: Client, f: Fixtures, n: number): Promise<string> {
  const convoy = await http.post('/api/v1/convoys').send({ name: `Replay run ${n}`, purpose: 'evacuation', routeId: f.route, plannedDepartureAt: new Date(Date.now() + 3_600_000).toISOString(), expectedDurationMinutes: 60, vehicleCount: 1 });
  if (convoy.status !== 201) throw new Error(`could not plan a convoy: ${JSON.stringify(convoy.body)}`);
  return convoy.body.id;
}

/**
 * Issue 12: a phone re-sending any creating request after a lost answer records it once. For
 * every creating route: 20 identical requests at once with one key record once and all get the
 * same body (the repeats marked `Idempotent-Replayed: true`); the same key with other content
 * is a 422 with the one code; the key may come in the body or as an Idempotency-Key header.
 */
describe('one replay rule for every creating request', () => {
  let db: TestDatabase;
  let api: RunningApi;
  let users: Record<'coordinator' | 'field', Client>;
  let base: Omit<Fixtures, 'own'>;
  let n = 0;

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startApi({ databaseUrl: db.url, env: { DEMO_DATA: 'true', RATE_LIMIT_PER_MINUTE: '100000' } });
    users = { coordinator: await signedIn(api, 'coordinator@hro.example'), field: await signedIn(api, 'field@hro.example') };
    const one = async (sql: string) => (await db.query<{ id: string }>(sql))[0].id;
    base = {
      location: await one(`SELECT id FROM locations WHERE pcode = 'SY07030101'`),
      location2: await one(`SELECT id FROM locations WHERE pcode = 'SY07030102'`),
      route: await one(`SELECT id FROM routes WHERE name = 'Sarmada to Atmeh border'`),
      warehouse: await one(`SELECT id FROM stock_points WHERE name = 'Sarmada warehouse'`),
      store: await one(`SELECT id FROM stock_points WHERE name = 'Atmeh camp store'`),
      camp: await one(`SELECT id FROM camps WHERE name_en = 'Atmeh border camp (new)'`),
      item: await one(`SELECT id FROM items WHERE code = 'FOOD-PARCEL'`),
    };
  });

  afterAll(async () => {
    await api?.stop();
    await db?.drop();
  });

  const attempt = async (route: CreatingRoute) => {
    const number = ++n;
    const own = route.prepare ? await route.prepare(users.coordinator, { ...base, own: {} }, number) : {};
    return { number, f: { ...base, own } };
  };
  const aKey = (route: CreatingRoute): Key => (route.headerOnly ? { header: `outbox-${randomUUID()}` } : { clientId: randomUUID() });

  describe.each(Object.entries(CREATING))('%s', (_name, route) => {
    it('records 20 identical requests sent at once with one key once, and answers each with the same body', async () => {
      const { number, f } = await attempt(route);
      const key = aKey(route);
      const before = await db.count(route.table);
      const answers = await Promise.all(Array.from({ length: 20 }, () => route.send(users[route.as], f, number, key, false)));
      expect(answers.map((a) => a.status)).toEqual(Array(20).fill(answers[0].status));
      expect([200, 201]).toContain(answers[0].status);
      expect(new Set(answers.map((a) => JSON.stringify(a.body))).size).toBe(1);
      expect(answers.filter((a) => a.headers['idempotent-replayed'] === 'true')).toHaveLength(19);
      expect(await db.count(route.table)).toBe(before + (route.records ?? 1));
    });

    it('takes the key from an Idempotency-Key header alike', async () => {
      const { number, f } = await attempt(route);
      const key = { header: `outbox-${randomUUID()}` };
      const first = await route.send(users[route.as], f, number, key, false);
      const again = await route.send(users[route.as], f, number, key, false);
      expect([first.status, again.status]).toEqual([first.status, first.status]);
      expect(again.body).toEqual(first.body);
      expect(again.headers['idempotent-replayed']).toBe('true');
    });

    it('refuses the same key with other content with the one code, writing nothing', async () => {
      const { number, f } = await attempt(route);
      const key = aKey(route);
      expect((await route.send(users[route.as], f, number, key, false)).status).toBeLessThan(300);
      const before = await db.count(route.table);
      const res = await route.send(users[route.as], f, number, key, true);
      expect(res.status).toBe(422);
      expect(res.body).toMatchObject({ code: KEY_REUSED_CODE, errors: [{ field: key.clientId ? 'clientId' : 'Idempotency-Key', code: 'field.client_id_reused' }] });
      expect(await db.count(route.table)).toBe(before);
    });
  });

  it('refuses an Idempotency-Key longer than 200 characters', async () => {
    const res = await users.coordinator.post('/api/v1/routes').set('Idempotency-Key', 'k'.repeat(201)).send({ name: `Long key ${++n}`, locationIds: [base.location, base.location2] });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'Idempotency-Key', code: 'field.max_length' })]);
  });
});
