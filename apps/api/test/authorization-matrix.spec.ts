import request from 'supertest';
import { signIn } from './utils/session';
import { RunningApi, startApi } from './utils/start-api';
import { createTestDatabase, TestDatabase } from './utils/test-database';

/**
 * Every route of the OpenAPI document × every role (and no session) × own / other
 * organisation, with the expected status written down in one table. A route missing from the
 * table fails the first test, so no endpoint can be added without deciding who may call it.
 */
type Who = 'anonymous' | 'admin' | 'coordinator' | 'field' | 'manager';
type Expected = Record<Who, number>;

interface Fixtures {
  ownPoint: string;
  otherPoint: string;
  ownStore: string;
  item: string;
  ownMovement: string;
  otherMovement: string;
  ownCamp: string;
  otherCamp: string;
  ownUser: string;
  otherUser: string;
  ownToken: string;
  otherToken: string;
  location: string;
  location2: string;
  route: string;
  ownConvoy: string;
  otherConvoy: string;
  window: string;
  incident: string;
}

interface Row {
  /** What each caller gets on a record of their own organisation (or on a route without one). */
  own: Expected;
  /** What each caller gets on the same kind of record of another organisation: never 403, 404. */
  other?: Expected;
  call: (f: Fixtures, target: 'own' | 'other', n: number) => { path: string; body?: object; csv?: string; headers?: Record<string, string> };
  /** Lists every organisation's convoys by status: the other organisation's convoy ids are meant to be there. */
  sharesConvoyStatus?: true;
}

const all = (status: number, anonymous = 401): Expected => ({ anonymous, admin: status, coordinator: status, field: status, manager: status });
const only = (allowed: Partial<Expected>, denied = 403): Expected => ({ anonymous: 401, admin: denied, coordinator: denied, field: denied, manager: denied, ...allowed });

const MATRIX: Record<string, Row> = {
  'GET /api/health': { own: all(200, 200), call: () => ({ path: '/api/health' }) },
  'POST /api/v1/auth/sign-in': {
    own: all(200, 200),
    call: () => ({ path: '/api/v1/auth/sign-in', body: { email: 'field@hro.example', password: 'demo-password-2019' } }),
  },
  'POST /api/v1/auth/sign-out': { own: all(204), call: () => ({ path: '/api/v1/auth/sign-out' }) },
  'GET /api/v1/auth/session': { own: all(200), call: () => ({ path: '/api/v1/auth/session' }) },
  'PUT /api/v1/auth/preferences': { own: all(200), call: () => ({ path: '/api/v1/auth/preferences', body: { digits: 'latn' } }) },
  'POST /api/v1/auth/password': {
    own: all(204),
    // The same password again: allowed, and the next cell can still sign in with it.
    call: () => ({ path: '/api/v1/auth/password', body: { currentPassword: 'demo-password-2019', newPassword: 'demo-password-2019' } }),
  },
  'GET /api/v1/organisations': { own: all(200), call: () => ({ path: '/api/v1/organisations' }) },
  'GET /api/v1/locations': { own: all(200), call: () => ({ path: '/api/v1/locations' }) },
  'GET /api/v1/locations/{id}': { own: all(200), call: (f) => ({ path: `/api/v1/locations/${f.location}` }) },
  'GET /api/v1/camps': { own: all(200), call: () => ({ path: '/api/v1/camps' }) },
  'GET /api/v1/camps/{id}': {
    own: all(200),
    other: all(404),
    call: (f, t) => ({ path: `/api/v1/camps/${t === 'own' ? f.ownCamp : f.otherCamp}` }),
  },
  'POST /api/v1/camps': {
    own: only({ coordinator: 201 }),
    call: (f, _t, n) => ({
      path: '/api/v1/camps',
      body: { locationId: f.location, nameEn: `Matrix camp ${n}`, nameAr: 'مخيم', population: 10, households: 2, capacity: 10 },
    }),
  },
  'PATCH /api/v1/camps/{id}': {
    own: only({ coordinator: 200 }),
    other: only({ coordinator: 404 }),
    call: (f, t) => ({ path: `/api/v1/camps/${t === 'own' ? f.ownCamp : f.otherCamp}`, body: { version: 1, capacity: 7000 } }),
  },
  'POST /api/v1/camps/{id}/close': {
    own: only({ coordinator: 200 }),
    other: only({ coordinator: 404 }),
    call: (f, t) => ({ path: `/api/v1/camps/${t === 'own' ? f.ownCamp : f.otherCamp}/close`, body: { version: 2 } }),
  },
  'GET /api/v1/users': { own: only({ admin: 200 }), call: () => ({ path: '/api/v1/users' }) },
  'POST /api/v1/users': {
    own: only({ admin: 201 }),
    call: (_f, _t, n) => ({ path: '/api/v1/users', body: { name: `Matrix ${n}`, email: `matrix${n}@hro.example`, role: 'field', password: 'long-enough-password' } }),
  },
  'PATCH /api/v1/users/{id}': {
    own: only({ admin: 200 }),
    other: only({ admin: 404 }),
    call: (f, t, n) => ({ path: `/api/v1/users/${t === 'own' ? f.ownUser : f.otherUser}`, body: { version: 1, name: `Renamed ${n}` } }),
  },
  // Managers hold personal tokens for scripted report pulls; they see and revoke only their own.
  'GET /api/v1/api-tokens': { own: only({ admin: 200, manager: 200 }), call: () => ({ path: '/api/v1/api-tokens' }) },
  'POST /api/v1/api-tokens': { own: only({ admin: 201, manager: 201 }), call: (_f, _t, n) => ({ path: '/api/v1/api-tokens', body: { name: `Matrix token ${n}` } }) },
  'POST /api/v1/api-tokens/{id}/revoke': {
    // The own-organisation token is the admin's: a manager does not find it.
    own: only({ admin: 200, manager: 404 }),
    other: only({ admin: 404, manager: 404 }),
    call: (f, t) => ({ path: `/api/v1/api-tokens/${t === 'own' ? f.ownToken : f.otherToken}/revoke` }),
  },
  'GET /api/v1/audit': { own: only({ admin: 200, manager: 200 }), call: () => ({ path: '/api/v1/audit' }) },
  'GET /api/v1/audit/people': { own: only({ admin: 200, manager: 200 }), call: () => ({ path: '/api/v1/audit/people' }) },
  'GET /api/v1/items': { own: all(200), call: () => ({ path: '/api/v1/items' }) },
  'GET /api/v1/stock/donors': { own: all(200), call: () => ({ path: '/api/v1/stock/donors?q=W' }) },
  'GET /api/v1/overview': { own: all(200), call: () => ({ path: '/api/v1/overview' }) },
  'GET /api/v1/field-kit': { own: only({ coordinator: 200, field: 200 }), call: () => ({ path: '/api/v1/field-kit' }) },
  'GET /api/v1/reports/{report}': {
    own: only({ manager: 200, coordinator: 200 }),
    // Another organisation's stock point in the filter: its card is empty, never its rows.
    other: only({ manager: 200, coordinator: 200 }),
    call: (f, t) => ({ path: `/api/v1/reports/stock-card?stockPointId=${t === 'own' ? f.ownPoint : f.otherPoint}&itemId=${f.item}&from=2019-01-01` }),
  },
  'GET /api/v1/stock-points': { own: all(200), call: () => ({ path: '/api/v1/stock-points' }) },
  'POST /api/v1/stock-points': {
    own: only({ coordinator: 201 }),
    call: (f, _t, n) => ({ path: '/api/v1/stock-points', body: { name: `Matrix store ${n}`, kind: 'warehouse', locationId: f.location } }),
  },
  'PATCH /api/v1/stock-points/{id}': {
    own: only({ coordinator: 200 }),
    other: only({ coordinator: 404 }),
    call: (f, t, n) => ({ path: `/api/v1/stock-points/${t === 'own' ? f.ownStore : f.otherPoint}`, body: { version: 1, name: `Renamed store ${n}` } }),
  },
  'GET /api/v1/stock-points/{id}/levels': {
    own: all(200),
    other: all(404),
    call: (f, t) => ({ path: `/api/v1/stock-points/${t === 'own' ? f.ownPoint : f.otherPoint}/levels` }),
  },
  'GET /api/v1/stock-points/{id}/ledger': {
    own: all(200),
    other: all(404),
    call: (f, t) => ({ path: `/api/v1/stock-points/${t === 'own' ? f.ownPoint : f.otherPoint}/ledger?itemId=${f.item}` }),
  },
  'POST /api/v1/stock/receipts': {
    own: only({ coordinator: 201 }),
    other: only({ coordinator: 422 }),
    call: (f, t) => ({ path: '/api/v1/stock/receipts', body: { stockPointId: t === 'own' ? f.ownPoint : f.otherPoint, itemId: f.item, quantity: 10, reference: 'matrix' } }),
  },
  'POST /api/v1/stock/transfers': {
    own: only({ coordinator: 201 }),
    other: only({ coordinator: 422 }),
    call: (f, t) => ({ path: '/api/v1/stock/transfers', body: { fromStockPointId: t === 'own' ? f.ownPoint : f.otherPoint, toStockPointId: f.ownStore, itemId: f.item, quantity: 1 } }),
  },
  'POST /api/v1/stock/losses': {
    own: only({ coordinator: 201 }),
    other: only({ coordinator: 422 }),
    call: (f, t) => ({ path: '/api/v1/stock/losses', body: { stockPointId: t === 'own' ? f.ownPoint : f.otherPoint, itemId: f.item, quantity: 1, cause: 'spoiled' } }),
  },
  'POST /api/v1/stock/adjustments': {
    own: only({ coordinator: 201 }),
    other: only({ coordinator: 422 }),
    call: (f, t, n) => ({ path: '/api/v1/stock/adjustments', body: { stockPointId: t === 'own' ? f.ownPoint : f.otherPoint, itemId: f.item, countedQuantity: 900_000 + n, reason: 'count' } }),
  },
  'POST /api/v1/stock/movements/{id}/reverse': {
    own: only({ coordinator: 201 }),
    other: only({ coordinator: 404 }),
    call: (f, t) => ({ path: `/api/v1/stock/movements/${t === 'own' ? f.ownMovement : f.otherMovement}/reverse`, body: { reason: 'entered twice' } }),
  },
  'POST /api/v1/distributions': {
    own: only({ coordinator: 201, field: 201 }),
    other: only({ coordinator: 422, field: 422 }),
    call: (f, t, n) => ({
      path: '/api/v1/distributions',
      body: { clientId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`, campId: f.ownCamp, itemId: f.item, stockPointId: t === 'own' ? f.ownPoint : f.otherPoint, quantity: 1, households: 1, people: 5 },
    }),
  },
  'GET /api/v1/distributions': { own: all(200), call: () => ({ path: '/api/v1/distributions' }) },
  'POST /api/v1/distributions/import': {
    own: only({ coordinator: 201, field: 201 }),
    other: only({ coordinator: 422, field: 422 }),
    call: (f, t, n) => ({
      path: '/api/v1/distributions/import',
      csv: `client_id,camp_id,item_code,stock_point_id,quantity,households,people,distributed_at\r\n00000000-0000-4000-9000-${String(n).padStart(12, '0')},${f.ownCamp},FOOD-PARCEL,${t === 'own' ? f.ownPoint : f.otherPoint},1,1,5,\r\n`,
    }),
  },
  'GET /api/v1/camps/{id}/coverage': {
    own: all(200),
    other: all(404),
    call: (f, t) => ({ path: `/api/v1/camps/${t === 'own' ? f.ownCamp : f.otherCamp}/coverage` }),
  },
  'GET /api/v1/distributions/totals': { own: all(200), call: () => ({ path: '/api/v1/distributions/totals' }) },
  'GET /api/v1/routes': { own: all(200), call: () => ({ path: '/api/v1/routes' }) },
  'GET /api/v1/routes/{id}': { own: all(200), call: (f) => ({ path: `/api/v1/routes/${f.route}` }) },
  'POST /api/v1/routes': {
    own: only({ coordinator: 201 }),
    call: (f, _t, n) => ({ path: '/api/v1/routes', body: { name: `Matrix route ${n}`, locationIds: [f.location, f.location2] } }),
  },
  'GET /api/v1/pause-windows': { own: all(200), call: () => ({ path: '/api/v1/pause-windows' }) },
  'GET /api/v1/pause-windows/{id}': { own: all(200), call: (f) => ({ path: `/api/v1/pause-windows/${f.window}` }) },
  'POST /api/v1/pause-windows': {
    own: only({ coordinator: 201 }),
    call: (f) => ({
      path: '/api/v1/pause-windows',
      body: { announcedBy: 'Matrix', sourceText: 'until 18:00', zone: 'Asia/Damascus', start: { date: '2019-12-23', time: '08:00' }, end: { time: '18:00' }, routeIds: [f.route], areaIds: [] },
    }),
  },
  'POST /api/v1/pause-windows/{id}/end': {
    // Allowed callers reach the version check: the version sent is not the window's.
    own: only({ coordinator: 409 }),
    call: (f) => ({ path: `/api/v1/pause-windows/${f.window}/end`, body: { source: 'Matrix', version: 999 } }),
  },
  'POST /api/v1/pause-windows/{id}/corrections': {
    own: only({ coordinator: 409 }),
    call: (f) => ({
      path: `/api/v1/pause-windows/${f.window}/corrections`,
      body: { announcedBy: 'Matrix', sourceText: 'until 18:00', zone: 'Asia/Damascus', start: { date: '2019-12-23', time: '08:00' }, end: { time: '18:00' }, routeIds: [f.route], areaIds: [], reason: 'Matrix', version: 999 },
    }),
  },
  'GET /api/v1/incidents': { own: all(200), call: () => ({ path: '/api/v1/incidents' }) },
  'GET /api/v1/incidents/{id}': { own: all(200), call: (f) => ({ path: `/api/v1/incidents/${f.incident}` }) },
  'POST /api/v1/incidents': {
    own: only({ coordinator: 201, field: 201 }),
    // Naming another organisation's convoy: unknown here.
    other: only({ coordinator: 422, field: 422 }),
    call: (f, t) => ({
      path: '/api/v1/incidents',
      body: { kind: 'blocked_road', occurredAt: '2019-12-20T10:00:00Z', locationId: f.location, convoyId: t === 'own' ? f.ownConvoy : f.otherConvoy, description: 'Road closed' },
    }),
  },
  'GET /api/v1/convoys': { own: all(200), call: () => ({ path: '/api/v1/convoys' }) },
  'GET /api/v1/convoys/statuses': { own: all(200), sharesConvoyStatus: true, call: () => ({ path: '/api/v1/convoys/statuses' }) },
  'GET /api/v1/convoys/{id}': {
    own: all(200),
    other: all(404),
    call: (f, t) => ({ path: `/api/v1/convoys/${t === 'own' ? f.ownConvoy : f.otherConvoy}` }),
  },
  'POST /api/v1/convoys': {
    own: only({ coordinator: 201 }),
    call: (f, _t, n) => ({
      path: '/api/v1/convoys',
      body: { name: `Matrix convoy ${n}`, purpose: 'supply', routeId: f.route, plannedDepartureAt: '2030-01-01T08:00:00Z', expectedDurationMinutes: 60, vehicleCount: 1 },
    }),
  },
  'POST /api/v1/convoys/{id}/status': {
    // Allowed callers reach the version check: the version sent is not the convoy's.
    own: only({ coordinator: 409, field: 409 }),
    other: only({ coordinator: 404, field: 404 }),
    call: (f, t) => ({ path: `/api/v1/convoys/${t === 'own' ? f.ownConvoy : f.otherConvoy}/status`, body: { status: 'aborted', version: 999 } }),
  },
  'POST /api/v1/convoys/{id}/check-ins': {
    own: only({ coordinator: 201, field: 201 }),
    other: only({ coordinator: 404, field: 404 }),
    call: (f, t, n) => ({
      path: `/api/v1/convoys/${t === 'own' ? f.ownConvoy : f.otherConvoy}/check-ins`,
      body: { clientId: `00000000-0000-4000-a000-${String(n).padStart(12, '0')}`, place: 'Dana checkpoint' },
    }),
  },
  // The stream never ends by itself; an id this stream never sent is refused before it starts.
  'GET /api/v1/events': { own: all(400), call: () => ({ path: '/api/v1/events', headers: { 'Last-Event-ID': 'not-an-id' } }) },
};

const WHO: Who[] = ['anonymous', 'admin', 'coordinator', 'field', 'manager'];

describe('authorization matrix', () => {
  let db: TestDatabase;
  let api: RunningApi;
  let routes: string[];
  let fixtures: Fixtures;

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startApi({ databaseUrl: db.url, env: { DEMO_DATA: 'true', SIGN_IN_MAX_FAILURES_PER_ADDRESS: '100000' } });
    const doc = (await request(api.url).get('/api/docs.json').expect(200)).body as { paths: Record<string, Record<string, unknown>> };
    routes = Object.entries(doc.paths).flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`));

    const one = async (sql: string) => (await db.query<{ id: string }>(sql))[0].id;
    fixtures = {
      ownCamp: await one(`SELECT c.id FROM camps c JOIN organisations o ON o.id = c.organisation_id WHERE o.short_code = 'HRO' ORDER BY c.name_en LIMIT 1`),
      otherCamp: await one(`SELECT c.id FROM camps c JOIN organisations o ON o.id = c.organisation_id WHERE o.short_code = 'KP' LIMIT 1`),
      ownUser: await one(`SELECT id FROM users WHERE email = 'field@hro.example'`),
      otherUser: await one(`SELECT id FROM users WHERE email = 'field@kidsparadise.example'`),
      location: await one(`SELECT id FROM locations WHERE pcode = 'SY07030101'`),
      ownToken: '',
      otherToken: '',
      ownPoint: await one(`SELECT id FROM stock_points WHERE name = 'Sarmada warehouse'`),
      ownStore: await one(`SELECT id FROM stock_points WHERE name = 'Atmeh camp store'`),
      item: await one(`SELECT id FROM items WHERE code = 'FOOD-PARCEL'`),
      otherPoint: '',
      ownMovement: '',
      otherMovement: '',
      location2: await one(`SELECT id FROM locations WHERE pcode = 'SY07030102'`),
      route: await one(`SELECT id FROM routes WHERE name = 'Sarmada to Atmeh border'`),
      ownConvoy: await one(`SELECT id FROM convoys WHERE name = 'Parcels to Atmeh'`),
      otherConvoy: await one(`SELECT id FROM convoys WHERE name = 'Kids Paradise winter kits'`),
      window: await one(`SELECT id FROM pause_windows ORDER BY starts_at LIMIT 1`),
      incident: await one(`SELECT id FROM incidents LIMIT 1`),
    };
    fixtures.otherPoint = await one(
      `INSERT INTO stock_points (organisation_id, location_id, name, kind) SELECT o.id, l.id, 'KP warehouse', 'warehouse' FROM organisations o, locations l WHERE o.short_code = 'KP' AND l.pcode = 'SY07030101' RETURNING id`,
    );
    const receipt = (point: string, email: string) =>
      one(`WITH lvl AS (INSERT INTO stock_levels (stock_point_id, item_id, organisation_id, quantity) SELECT '${point}', '${fixtures.item}', organisation_id, 100 FROM stock_points WHERE id = '${point}' ON CONFLICT (stock_point_id, item_id) DO UPDATE SET quantity = stock_levels.quantity + 100 RETURNING 1)
           INSERT INTO stock_movements (organisation_id, stock_point_id, item_id, kind, quantity, reference, recorded_by)
           SELECT p.organisation_id, p.id, '${fixtures.item}', 'receipt', 100, 'fixture', u.id FROM stock_points p, users u, lvl WHERE p.id = '${point}' AND u.email = '${email}' RETURNING id`);
    fixtures.ownMovement = await receipt(fixtures.ownPoint, 'coordinator@hro.example');
    fixtures.otherMovement = await receipt(fixtures.otherPoint, 'coordinator@kidsparadise.example');
    const token = (email: string) =>
      one(
        `INSERT INTO api_tokens (organisation_id, user_id, name, token_hash, created_by)
         SELECT u.organisation_id, u.id, 'fixture', sha256(gen_random_uuid()::text::bytea), u.id FROM users u WHERE u.email = '${email}' RETURNING id`,
      );
    fixtures.ownToken = await token('admin@hro.example');
    fixtures.otherToken = await token('admin@kidsparadise.example');
  });

  afterAll(async () => {
    await api?.stop();
    await db?.drop();
  });

  it('has a row for every route of the OpenAPI document, and no row for a route that is gone', () => {
    expect([...routes].sort()).toEqual(Object.keys(MATRIX).sort());
  });

  const cells = Object.entries(MATRIX).flatMap(([route, row]) =>
    (['own', 'other'] as const)
      .filter((target) => target === 'own' || row.other)
      .flatMap((target) => WHO.map((who): [string, 'own' | 'other', Who] => [route, target, who])),
  );

  let n = 0;
  it.each(cells)('%s on a record of the %s organisation as %s', async (route, target, who) => {
    const row = MATRIX[route];
    const expected = (target === 'own' ? row.own : row.other!)[who];
    const [method, template] = route.split(' ');
    const { path, body, csv, headers } = row.call(fixtures, target, ++n);
    expect(path.startsWith(template.replace(/\{[a-z]+\}.*$/i, ''))).toBe(true);
    // A fresh session per call: sign-out and disabling in one cell must not leak into the next.
    const cookie = who === 'anonymous' ? undefined : await signIn(api, `${who}@hro.example`);
    const before = target === 'other' ? await snapshot(db) : undefined;

    let test = request(api.url)[method.toLowerCase() as 'get' | 'post' | 'patch' | 'put'](path);
    if (cookie) test = test.set('Cookie', cookie);
    for (const [name, value] of Object.entries(headers ?? {})) test = test.set(name, value);
    const res = await (csv ? test.set('content-type', 'text/csv').send(csv) : body ? test.send(body) : test);

    expect({ route, who, target, status: res.status }).toEqual({ route, who, target, status: expected });
    if (res.status >= 400) expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    // No answer of any route, lists included, carries a record of the other organisation.
    const answer = JSON.stringify(res.body ?? '');
    const others = [fixtures.otherCamp, fixtures.otherUser, fixtures.otherToken, fixtures.otherPoint, fixtures.otherMovement, ...(row.sharesConvoyStatus ? [] : [fixtures.otherConvoy])];
    for (const id of others) if (target === 'own') expect(answer).not.toContain(id);
    // Another organisation's records come back unchanged, whatever was tried.
    if (before) expect(await snapshot(db)).toEqual(before);
  });
});

async function snapshot(db: TestDatabase) {
  return {
    camps: await db.query(`SELECT c.* FROM camps c JOIN organisations o ON o.id = c.organisation_id WHERE o.short_code = 'KP' ORDER BY c.id`),
    users: await db.query(`SELECT u.id, u.name, u.role, u.active, u.version FROM users u JOIN organisations o ON o.id = u.organisation_id WHERE o.short_code = 'KP' ORDER BY u.id`),
    tokens: await db.query(`SELECT t.id, t.revoked_at FROM api_tokens t JOIN organisations o ON o.id = t.organisation_id WHERE o.short_code = 'KP' ORDER BY t.id`),
    levels: await db.query(`SELECT s.* FROM stock_levels s JOIN organisations o ON o.id = s.organisation_id WHERE o.short_code = 'KP' ORDER BY 1, 2`),
    movements: await db.query(`SELECT count(*) FROM stock_movements m JOIN organisations o ON o.id = m.organisation_id WHERE o.short_code = 'KP'`),
    convoys: await db.query(`SELECT c.id, c.status, c.version, c.last_check_in_at FROM convoys c JOIN organisations o ON o.id = c.organisation_id WHERE o.short_code = 'KP' ORDER BY c.id`),
    convoyEvents: await db.query(`SELECT count(*) FROM convoy_events e JOIN organisations o ON o.id = e.organisation_id WHERE o.short_code = 'KP'`),
  };
}
