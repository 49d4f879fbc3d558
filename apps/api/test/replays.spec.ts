import { randomUUID } from 'node:crypto';
import { KEY_REUSED_CODE } from '@relief-ledger/domain';
import { Client, signedIn } from './utils/session';
import { RunningApi, startApi } from './utils/start-api';
import { createTestDatabase, TestDatabase } from './utils/test-database';

interface Fixtures {
  location: string;
  location2: string;
  route: string;
}

interface CreatingRoute {
  path: (f: Fixtures) => string;
  /** A valid body for the n-th attempt (names must differ between attempts where the table says unique). */
  body: (f: Fixtures, n: number) => Record<string, unknown>;
  /** The same request with other content. */
  other: (f: Fixtures, n: number) => Record<string, unknown>;
  /** Where the record lands, to count it. */
  table: string;
  as: 'coordinator' | 'field';
}

/** Every POST that creates something, under the one replay rule (common/replay). */
const CREATING: Record<string, CreatingRoute> = {
  'POST /api/v1/camps': {
    path: () => '/api/v1/camps',
    body: (f, n) => ({ locationId: f.location, nameEn: `Replay camp ${n}`, nameAr: 'مخيم', population: 10, households: 2, capacity: 10 }),
    other: (f, n) => ({ locationId: f.location, nameEn: `Replay camp ${n}`, nameAr: 'مخيم', population: 11, households: 2, capacity: 10 }),
    table: 'camps',
    as: 'coordinator',
  },
  'POST /api/v1/routes': {
    path: () => '/api/v1/routes',
    body: (f, n) => ({ name: `Replay route ${n}`, locationIds: [f.location, f.location2] }),
    other: (f, n) => ({ name: `Replay route ${n}`, locationIds: [f.location2, f.location] }),
    table: 'routes',
    as: 'coordinator',
  },
  'POST /api/v1/pause-windows': {
    path: () => '/api/v1/pause-windows',
    body: (f) => ({ announcedBy: 'Replay', sourceText: 'until 18:00', zone: 'Asia/Damascus', start: { date: '2019-12-23', time: '08:00' }, end: { time: '18:00' }, routeIds: [f.route], areaIds: [] }),
    other: (f) => ({ announcedBy: 'Replay', sourceText: 'until 17:00', zone: 'Asia/Damascus', start: { date: '2019-12-23', time: '08:00' }, end: { time: '17:00' }, routeIds: [f.route], areaIds: [] }),
    table: 'pause_windows',
    as: 'coordinator',
  },
  'POST /api/v1/incidents': {
    path: () => '/api/v1/incidents',
    body: (f) => ({ kind: 'blocked_road', occurredAt: '2019-12-20T10:00:00Z', locationId: f.location, description: 'Road closed' }),
    other: (f) => ({ kind: 'blocked_road', occurredAt: '2019-12-20T10:00:00Z', locationId: f.location, description: 'Road closed again' }),
    table: 'incidents',
    as: 'field',
  },
};

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
  let f: Fixtures;
  let n = 0;

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startApi({ databaseUrl: db.url, env: { DEMO_DATA: 'true', RATE_LIMIT_PER_MINUTE: '100000' } });
    users = { coordinator: await signedIn(api, 'coordinator@hro.example'), field: await signedIn(api, 'field@hro.example') };
    const one = async (sql: string) => (await db.query<{ id: string }>(sql))[0].id;
    f = {
      location: await one(`SELECT id FROM locations WHERE pcode = 'SY07030101'`),
      location2: await one(`SELECT id FROM locations WHERE pcode = 'SY07030102'`),
      route: await one(`SELECT id FROM routes WHERE name = 'Sarmada to Atmeh border'`),
    };
  });

  afterAll(async () => {
    await api?.stop();
    await db?.drop();
  });

  describe.each(Object.entries(CREATING))('%s', (_name, route) => {
    it('records 20 identical requests sent at once with one client id once, and answers each with the same body', async () => {
      const attempt = ++n;
      const clientId = randomUUID();
      const before = await db.count(route.table);
      const answers = await Promise.all(Array.from({ length: 20 }, () => users[route.as].post(route.path(f)).send({ ...route.body(f, attempt), clientId })));
      expect(answers.map((a) => a.status)).toEqual(Array(20).fill(201));
      expect(new Set(answers.map((a) => JSON.stringify(a.body))).size).toBe(1);
      expect(answers.filter((a) => a.headers['idempotent-replayed'] === 'true')).toHaveLength(19);
      expect(await db.count(route.table)).toBe(before + 1);
    });

    it('takes the key from an Idempotency-Key header alike', async () => {
      const attempt = ++n;
      const key = `outbox-${randomUUID()}`;
      const first = await users[route.as].post(route.path(f)).set('Idempotency-Key', key).send(route.body(f, attempt));
      const again = await users[route.as].post(route.path(f)).set('Idempotency-Key', key).send(route.body(f, attempt));
      expect([first.status, again.status]).toEqual([201, 201]);
      expect(again.body).toEqual(first.body);
      expect(again.headers['idempotent-replayed']).toBe('true');
    });

    it('refuses the same key with other content with the one code, writing nothing', async () => {
      const attempt = ++n;
      const clientId = randomUUID();
      await users[route.as].post(route.path(f)).send({ ...route.body(f, attempt), clientId }).expect(201);
      const before = await db.count(route.table);
      const res = await users[route.as].post(route.path(f)).send({ ...route.other(f, attempt), clientId });
      expect(res.status).toBe(422);
      expect(res.body).toMatchObject({ code: KEY_REUSED_CODE, errors: [{ field: 'clientId', code: 'field.client_id_reused' }] });
      expect(await db.count(route.table)).toBe(before);
    });
  });

  it('refuses an Idempotency-Key longer than 200 characters', async () => {
    const res = await users.coordinator.post('/api/v1/routes').set('Idempotency-Key', 'k'.repeat(201)).send(CREATING['POST /api/v1/routes'].body(f, ++n));
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'Idempotency-Key', code: 'field.max_length' })]);
  });
});
