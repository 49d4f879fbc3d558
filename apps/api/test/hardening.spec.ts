import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { Client, signedIn } from './utils/session';
import { RunningApi, startApi } from './utils/start-api';
import { createTestDatabase, TestDatabase } from './utils/test-database';

const HEADER = 'client_id,camp_id,item_code,stock_point_id,quantity,households,people,distributed_at,notes';

interface RawAnswer {
  status?: number;
  headers?: http.IncomingHttpHeaders;
  body?: string;
  error?: string;
  ms: number;
}

/**
 * One request over a given agent, so that two requests can be made to share one keep-alive
 * connection; never throws, and gives up after `timeoutMs` (a stalled connection is the bug).
 */
function raw(agent: http.Agent, url: string, options: { method?: string; headers?: Record<string, string>; body?: string | Buffer; timeoutMs?: number } = {}): Promise<RawAnswer> {
  const started = Date.now();
  return new Promise((resolve) => {
    const request = http.request(url, { method: options.method ?? 'GET', headers: options.headers, agent }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode, headers: response.headers, body, ms: Date.now() - started }));
    });
    request.setTimeout(options.timeoutMs ?? 5_000, () => request.destroy(new Error('no answer in time')));
    // A server that answers early and closes may reset the rest of a large upload: that is fine,
    // as long as the answer was read or the next request is not stalled.
    request.on('error', (error) => resolve({ error: error.message, ms: Date.now() - started }));
    request.end(options.body);
  });
}

/**
 * Issue 9: one request never stops the API. Content types by route, connections that never
 * stall after a refusal, dates read by one rule, every database refusal in words, a bound on
 * every request, the process failing safe, and audited reads of sensitive records.
 */
describe('hardening', () => {
  let db: TestDatabase;
  let api: RunningApi;
  let coordinator: Client;
  let field: Client;
  let admin: Client;
  let manager: Client;
  let refs: { warehouse: string; camp: string; item: string; convoy: string; user: string };

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startApi({ databaseUrl: db.url, env: { DEMO_DATA: 'true', SIGN_IN_MAX_FAILURES_PER_ADDRESS: '100000' } });
    [coordinator, field, admin, manager] = await Promise.all(['coordinator', 'field', 'admin', 'manager'].map((role) => signedIn(api, `${role}@hro.example`)));
    const one = async (sql: string) => (await db.query<{ id: string }>(sql))[0].id;
    refs = {
      warehouse: await one(`SELECT id FROM stock_points WHERE name = 'Sarmada warehouse'`),
      camp: await one(`SELECT c.id FROM camps c JOIN organisations o ON o.id = c.organisation_id WHERE o.short_code = 'HRO' ORDER BY c.name_en LIMIT 1`),
      item: await one(`SELECT id FROM items WHERE code = 'FOOD-PARCEL'`),
      convoy: await one(`SELECT id FROM convoys WHERE name = 'Parcels to Atmeh'`),
      user: await one(`SELECT id FROM users WHERE email = 'field@hro.example'`),
    };
  });

  afterAll(async () => {
    await api?.stop();
    await db?.drop();
  });

  const healthy = async () => expect((await raw(new http.Agent(), `${api.url}/api/health`)).status).toBe(200);

  describe('body parsing by route', () => {
    it('answers 415 to an anonymous text/csv sign-in and keeps serving (it once aborted the process)', async () => {
      const answer = await raw(new http.Agent(), `${api.url}/api/v1/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'text/csv' }, body: '{}' });
      expect(answer.status).toBe(415);
      expect(answer.headers?.['content-type']).toMatch(/^application\/problem\+json/);
      expect(JSON.parse(answer.body!)).toMatchObject({ code: 'validation.content_type', detail: expect.stringContaining('application/json') });
      expect(api.process.exitCode).toBeNull();
      await healthy();
    });

    it.each([
      ['POST', '/api/v1/camps'],
      ['POST', '/api/v1/distributions'],
      ['POST', '/api/v1/stock/receipts'],
      ['POST', '/api/v1/incidents'],
    ])('refuses text/csv on %s %s before validation, writing nothing', async (method, route) => {
      const before = await db.count('audit_log');
      const res = await coordinator.post(route).set('content-type', 'text/csv').send('a,b\r\n1,2\r\n');
      expect(res.status).toBe(415);
      expect(await db.count('audit_log')).toBe(before);
      await healthy();
    });

    it('refuses JSON on the CSV import', async () => {
      const res = await coordinator.post('/api/v1/distributions/import').send({ rows: [] });
      expect(res.status).toBe(415);
    });
  });

  describe('no connection left stalled', () => {
    const bigWrongHeader = `client_id;camp_id;item_code\r\n${'a;b;c\r\n'.repeat(200_000)}`;

    it.each([
      ['a semicolon-separated file (422)', () => bigWrongHeader, 422],
      ['a file over the limit (413)', () => `${HEADER}\r\n${'x'.repeat(51 * 1024 * 1024)}`, 413],
    ])('answers the next request on the same connection after refusing %s', async (_name, body, status) => {
      const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
      const cookie = (await signedInCookie()) as string;
      const refused = await raw(agent, `${api.url}/api/v1/distributions/import`, { method: 'POST', headers: { 'content-type': 'text/csv', cookie }, body: body(), timeoutMs: 20_000 });
      // The rest of the refused file is read and discarded (up to 64 MB; beyond, Connection: close).
      expect(refused.status).toBe(status);
      const next = await raw(agent, `${api.url}/api/health`);
      expect(next).toMatchObject({ status: 200 });
      expect(next.ms).toBeLessThan(2_000);
      agent.destroy();
    });

    it('answers an oversized header with problem+json and Connection: close, and keeps serving', async () => {
      const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
      const answer = await raw(agent, `${api.url}/api/health`, { headers: { cookie: `rl_session=${'x'.repeat(100_000)}` } });
      expect(answer.status).toBe(431);
      expect(answer.headers?.['content-type']).toMatch(/^application\/problem\+json/);
      expect(answer.headers?.connection).toBe('close');
      expect(JSON.parse(answer.body!)).toMatchObject({ status: 431, detail: expect.stringContaining('headers are too large') });
      expect(await raw(agent, `${api.url}/api/health`)).toMatchObject({ status: 200 });
    });

    async function signedInCookie() {
      const res = await raw(new http.Agent(), `${api.url}/api/v1/auth/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'coordinator@hro.example', password: 'demo-password-2019' }),
      });
      return ([] as string[]).concat(res.headers?.['set-cookie'] ?? [])[0]?.split(';')[0];
    }
  });

  describe('dates', () => {
    const distribution = (distributedAt: unknown) => ({
      clientId: randomUUID(),
      campId: refs.camp,
      itemId: refs.item,
      stockPointId: refs.warehouse,
      quantity: 1,
      households: 1,
      people: 5,
      distributedAt,
    });

    const oddForms = [
      ['an ISO week date', '2019-W52-1T10:00:00Z'],
      ['an ordinal date', '2019-357T10:00:00Z'],
      ['the basic format', '20191223T100000Z'],
      ['a comma fraction', '2019-12-23T14:30:00,5Z'],
      ['no offset', '2019-12-23T14:30:00'],
      ['30 February', '2019-02-30T10:00:00Z'],
      ['the year 2999', '2999-12-23T10:00:00Z'],
      ['the year 1900', '1900-12-23T10:00:00Z'],
    ];

    it.each(oddForms)('refuses %s as distributedAt with 400 and the expected form, writing nothing', async (_name, when) => {
      const before = await db.count('distributions');
      const res = await field.post('/api/v1/distributions').send(distribution(when));
      expect(res.status).toBe(400);
      expect(res.body.errors).toMatchObject([{ field: 'distributedAt', reason: expect.any(String) }]);
      expect(await db.count('distributions')).toBe(before);
    });

    it('shows the expected form in the refusal', async () => {
      const res = await field.post('/api/v1/distributions').send(distribution('2019-W52-1T10:00:00Z')).expect(400);
      expect(res.body.errors[0].reason).toContain('2019-12-23T14:30:00+02:00');
    });

    it('records the same instant for the same request on any server zone: the offset is required', async () => {
      const res = await field.post('/api/v1/distributions').send(distribution('2019-12-23T16:30:00+02:00')).expect(201);
      expect(res.body.distributedAt).toBe('2019-12-23T14:30:00.000Z');
    });

    it.each(oddForms.slice(0, 4))('refuses %s as occurredAt of incidents, status changes and check-ins', async (_name, when) => {
      const incident = await field.post('/api/v1/incidents').send({ kind: 'other', place: 'Dana', description: 'x', occurredAt: when });
      expect(incident.status).toBe(400);
      const convoy = (await field.get(`/api/v1/convoys/${refs.convoy}`).expect(200)).body;
      const status = await field.post(`/api/v1/convoys/${refs.convoy}/status`).send({ status: 'arrived', version: convoy.version, occurredAt: when });
      expect(status.status).toBe(400);
      const checkIn = await field.post(`/api/v1/convoys/${refs.convoy}/check-ins`).send({ clientId: randomUUID(), place: 'Dana', occurredAt: when });
      expect(checkIn.status).toBe(400);
      expect([incident.body, status.body, checkIn.body].map((b) => b.errors[0].field)).toEqual(['occurredAt', 'occurredAt', 'occurredAt']);
    });

    it('refuses a camp opened on 2999-12-31', async () => {
      const res = await coordinator.get(`/api/v1/camps/${refs.camp}`).expect(200);
      const patch = await coordinator.patch(`/api/v1/camps/${refs.camp}`).send({ version: res.body.version, openedOn: '2999-12-31' });
      expect(patch.status).toBe(400);
      expect(patch.body.errors).toMatchObject([{ field: 'openedOn', reason: 'must not be more than a day in the future' }]);
    });

    it('refuses 30 February in the CSV import, naming row and column, with the same rule', async () => {
      const csv = `${HEADER}\r\n${randomUUID()},${refs.camp},FOOD-PARCEL,${refs.warehouse},1,1,5,2019-02-30T10:00:00Z,\r\n${randomUUID()},${refs.camp},FOOD-PARCEL,${refs.warehouse},1,1,5,2019-12-23T14:30:00,\r\n`;
      const res = await field.post('/api/v1/distributions/import').set('content-type', 'text/csv').send(csv).expect(422);
      expect(res.body.errors).toMatchObject([
        expect.objectContaining({ row: 2, column: 'distributed_at', reason: expect.stringContaining('not a real calendar date') }),
        expect.objectContaining({ row: 3, column: 'distributed_at', reason: expect.stringContaining('with its offset') }),
      ]);
    });
  });

  describe('other 500s where the input was at fault', () => {
    it('refuses "active": null on a user with 400', async () => {
      const user = (await admin.get('/api/v1/users?pageSize=100').expect(200)).body.items.find((u: { id: string }) => u.id === refs.user);
      const res = await admin.patch(`/api/v1/users/${refs.user}`).send({ version: user.version, active: null });
      expect(res.status).toBe(400);
      expect(res.body.errors).toMatchObject([{ field: 'active', reason: 'must be true or false' }]);
    });

    it('refuses a lone surrogate in an email with 400', async () => {
      const res = await admin.post('/api/v1/users').send({ name: 'X', email: 'a\uD800@hro.example', role: 'field', password: 'long-enough-password' });
      expect(res.status).toBe(400);
      expect(res.body.errors).toMatchObject([{ field: 'email', reason: 'must not contain control characters or broken Unicode' }]);
    });

    it('refuses control characters in CSV notes', async () => {
      const csv = `${HEADER}\r\n${randomUUID()},${refs.camp},FOOD-PARCEL,${refs.warehouse},1,1,5,,bad\u0000note\r\n`;
      const res = await field.post('/api/v1/distributions/import').set('content-type', 'text/csv').send(csv).expect(422);
      expect(res.body.errors).toMatchObject([expect.objectContaining({ column: 'notes', reason: expect.stringContaining('control characters') })]);
    });
  });

  describe('concurrent uploads of one file', () => {
    it('records the rows once and answers every upload 201, the later ones as skipped', async () => {
      const rows = Array.from({ length: 50 }, () => `${randomUUID()},${refs.camp},FOOD-PARCEL,${refs.warehouse},1,1,5,2019-12-26T09:00:00+02:00,`);
      const csv = `${HEADER}\r\n${rows.join('\r\n')}\r\n`;
      const before = await db.count('distributions');
      const answers = await Promise.all(Array.from({ length: 5 }, () => coordinator.post('/api/v1/distributions/import').set('content-type', 'text/csv').send(csv)));
      expect(answers.map((a) => a.status)).toEqual([201, 201, 201, 201, 201]);
      expect(answers.map((a) => a.body.imported).sort()).toEqual([0, 0, 0, 0, 50]);
      expect(answers.map((a) => a.body.skipped).sort()).toEqual([0, 50, 50, 50, 50]);
      expect(await db.count('distributions')).toBe(before + 50);
    });
  });

  describe('audit of sensitive reads', () => {
    const reads = async () => Number((await db.query<{ n: string }>(`SELECT count(*) AS n FROM audit_log WHERE action = 'read'`))[0].n);
    const lastRead = async () => (await db.query<{ entity: string; entity_id: string | null; user_email: string; changed_fields: string[] }>(
      `SELECT a.entity, a.entity_id, u.email AS user_email, a.changed_fields FROM audit_log a JOIN users u ON u.id = a.user_id WHERE a.action = 'read' ORDER BY a.id DESC LIMIT 1`,
    ))[0];

    it.each([
      ['one convoy (its route, times and check-ins)', () => field.get(`/api/v1/convoys/${refs.convoy}`), 'convoy', 'field@hro.example'],
      ['the users list', () => admin.get('/api/v1/users?page=1'), 'user', 'admin@hro.example'],
      ['the API-token list', () => admin.get('/api/v1/api-tokens'), 'api_token', 'admin@hro.example'],
      ['the audit trail', () => manager.get('/api/v1/audit?entity=camp'), 'audit_log', 'manager@hro.example'],
    ] as const)('writes one audit row for reading %s: who and what, never values', async (_name, read, entity, email) => {
      const before = await reads();
      expect((await read()).status).toBe(200);
      expect(await reads()).toBe(before + 1);
      const row = await lastRead();
      expect(row).toMatchObject({ entity, user_email: email });
      if (entity === 'convoy') expect(row.entity_id).toBe(refs.convoy);
      // The names of the filters, never their values.
      if (entity === 'audit_log') expect(row.changed_fields).toEqual(['entity']);
      if (entity === 'user') expect(row.changed_fields).toEqual(['page']);
    });

    it('does not count the board or a write as a read', async () => {
      const before = await reads();
      await field.get('/api/v1/convoys').expect(200);
      await field.post(`/api/v1/convoys/${refs.convoy}/check-ins`).send({ clientId: randomUUID(), place: 'Dana' });
      expect(await reads()).toBe(before);
    });

    it('lets the trail be filtered to reads or to writes', async () => {
      await field.get(`/api/v1/convoys/${refs.convoy}`).expect(200);
      const onlyReads = (await manager.get('/api/v1/audit?kind=read&pageSize=100').expect(200)).body.items as Array<{ action: string }>;
      expect(onlyReads.length).toBeGreaterThan(0);
      expect(new Set(onlyReads.map((e) => e.action))).toEqual(new Set(['read']));
      const onlyWrites = (await manager.get('/api/v1/audit?kind=write&pageSize=100').expect(200)).body.items as Array<{ action: string }>;
      expect(onlyWrites.length).toBeGreaterThan(0);
      expect(onlyWrites.some((e) => e.action === 'read')).toBe(false);
    });
  });
});

describe('bounded requests and failing safe', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });

  afterAll(async () => {
    await db?.drop();
  });

  it('answers 503 problem+json to a request held past REQUEST_TIMEOUT_SECONDS, cancels its statement, and keeps serving', async () => {
    const api = await startApi({ databaseUrl: db.url, env: { DEMO_DATA: 'true', REQUEST_TIMEOUT_SECONDS: '2' } });
    try {
      const coordinator = await signedIn(api, 'coordinator@hro.example');
      const location = (await db.query<{ id: string }>(`SELECT id FROM locations WHERE pcode = 'SY07030101'`))[0].id;
      // Another session holds the camps table: the app's INSERT waits behind it.
      const { Client: PgClient } = await import('pg');
      const blocker = new PgClient({ connectionString: db.url });
      await blocker.connect();
      await blocker.query('BEGIN');
      await blocker.query('LOCK TABLE camps IN ACCESS EXCLUSIVE MODE');
      try {
        const started = Date.now();
        const res = await coordinator.post('/api/v1/camps').send({ locationId: location, nameEn: 'Held camp', nameAr: 'مخيم', population: 10, households: 2, capacity: 10 });
        expect(res.status).toBe(503);
        expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(Date.now() - started).toBeLessThan(5_000);
        // The app's statement is cancelled at the same bound, not left waiting for the lock.
        await waitFor(async () => (await blocker.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()`)).rows[0].n === 0);
      } finally {
        await blocker.query('ROLLBACK');
        await blocker.end();
      }
      expect((await db.query(`SELECT 1 FROM camps WHERE name_en = 'Held camp'`)).length).toBe(0);
      expect((await coordinator.get('/api/v1/camps')).status).toBe(200);
    } finally {
      await api.stop();
    }
  });

  it('never cuts a download that started answering in time, however slowly it is read', async () => {
    const api = await startApi({ databaseUrl: db.url, env: { DEMO_DATA: 'true', REQUEST_TIMEOUT_SECONDS: '1' } });
    try {
      const one = async (sql: string) => (await db.query<{ id: string }>(sql))[0].id;
      const [point, item, user, organisation] = [
        await one(`SELECT id FROM stock_points WHERE name = 'Sarmada warehouse'`),
        await one(`SELECT id FROM items WHERE code = 'WATER-L'`),
        await one(`SELECT id FROM users WHERE email = 'coordinator@hro.example'`),
        await one(`SELECT id FROM organisations WHERE short_code = 'HRO'`),
      ];
      await db.query(`INSERT INTO stock_levels (stock_point_id, item_id, organisation_id, quantity) VALUES ($1, $2, $3, 50000)`, [point, item, organisation]);
      await db.query(
        `INSERT INTO stock_movements (organisation_id, stock_point_id, item_id, kind, quantity, reference, recorded_by)
         SELECT $1, $2, $3, 'receipt', 1, 'tanker ' || n, $4 FROM generate_series(1, 50000) n`,
        [organisation, point, item, user],
      );
      const { signIn } = await import('./utils/session');
      const cookie = await signIn(api, 'manager@hro.example');
      const text = await new Promise<string>((resolve, reject) => {
        http.get(`${api.url}/api/v1/reports/stock-card?format=csv&stockPointId=${point}&itemId=${item}`, { headers: { cookie } }, (res) => {
          let body = '';
          res.setEncoding('utf8');
          // A reader on a bad network: nothing for 2.5 s (past the 1 s bound), then the rest.
          res.pause();
          setTimeout(() => res.resume(), 2_500);
          res.on('data', (chunk: string) => (body += chunk));
          res.on('end', () => resolve(body));
          res.on('error', reject);
        });
      });
      expect(text.trim().split('\n')).toHaveLength(1 + 50_002);
      expect(text.trim().split('\n').at(-1)).toContain('Closing balance');
    } finally {
      await api.stop();
    }
  });

  it('logs an error outside any request with its stack and exits non-zero, for a supervisor to restart', async () => {
    // A module loaded before the app that throws from a timer once the app listens: what a
    // forgotten promise or a stream's error event would do.
    const preload = path.join(os.tmpdir(), `relief-throw-later-${process.pid}.cjs`);
    writeFileSync(
      preload,
      `const net = require('node:net');
const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function (...args) {
  this.once('listening', () => setTimeout(() => { throw new Error('thrown outside any request'); }, 300));
  return listen.apply(this, args);
};
`,
    );
    const api = await startApi({ databaseUrl: db.url, env: { NODE_OPTIONS: `--require ${preload}` } });
    const code = await new Promise<number | null>((resolve) => {
      const timer = setTimeout(() => resolve(-1), 15_000);
      api.process.once('exit', (exitCode) => {
        clearTimeout(timer);
        resolve(exitCode);
      });
    });
    expect(code).toBe(1);
    const fatal = api
      .output()
      .split('\n')
      .map((line) => {
        try {
          return JSON.parse(line) as { level?: number; msg?: string; err?: { stack?: string } };
        } catch {
          return {};
        }
      })
      .find((entry) => entry.level === 60);
    expect(fatal).toMatchObject({ msg: 'uncaught exception: exiting', err: { stack: expect.stringContaining('thrown outside any request') } });
  });
});

async function waitFor(condition: () => Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
