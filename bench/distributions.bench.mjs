// Recording distributions over HTTP (signed in, validated, audited, idempotent) at 32 concurrent
// connections, against pgbench replaying the same SQL transaction on the same server in the same
// run; and importing a 20,000-row CSV against a plain COPY of the same rows.
//   npm run bench            (builds nothing: run `npm run build` first)
import { spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { startEmbeddedPostgres } from '../apps/api/dist/apps/api/src/database/embedded-postgres.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CONNECTIONS = 32;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CSV_ROWS = 20_000;

const freePort = () =>
  new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const ms = (n) => `${n.toFixed(1)} ms`;

async function main() {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'relief-bench-'));
  const database = await startEmbeddedPostgres({ dir, port: await freePort(), database: 'relief_bench', log: () => undefined, ephemeral: true });
  const port = await freePort();
  const app = spawn(process.execPath, [path.join(ROOT, 'apps/api/dist/apps/api/src/main.js')], {
    env: { PATH: process.env.PATH, DATABASE_URL: database.url, PORT: String(port), DEMO_DATA: 'true', LOG_LEVEL: 'info', RATE_LIMIT_PER_MINUTE: '1000000' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    await waitFor(`http://127.0.0.1:${port}/api/health`);
    const agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS });
    const call = (method, url, body, headers = {}) =>
      new Promise((resolve, reject) => {
        const payload = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
        const req = http.request(`http://127.0.0.1:${port}${url}`, { method, agent, headers: { 'content-type': 'application/json', ...headers } }, (res) => {
          let text = '';
          res.on('data', (c) => (text += c));
          res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: text ? JSON.parse(text) : undefined }));
        });
        req.on('error', reject);
        req.end(payload);
      });

    const signIn = await call('POST', '/api/v1/auth/sign-in', { email: 'field@hro.example', password: 'demo-password-2019' });
    const cookie = String(signIn.headers['set-cookie']).split(';')[0];
    const coordinator = String((await call('POST', '/api/v1/auth/sign-in', { email: 'coordinator@hro.example', password: 'demo-password-2019' })).headers['set-cookie']).split(';')[0];
    const db = new pg.Client({ connectionString: database.url });
    await db.connect();
    db.on('error', () => undefined);
    const one = async (sql) => (await db.query(sql)).rows[0];
    const camp = (await one(`SELECT id FROM camps WHERE name_en = 'Atmeh border camp (new)'`)).id;
    const item = (await one(`SELECT id FROM items WHERE code = 'FOOD-PARCEL'`)).id;
    // One stock point per connection, as field teams at different camps draw from different stores:
    // all 32 on one stock level would only measure that row's lock queue.
    const location = (await one(`SELECT id FROM locations WHERE pcode = 'SY07030101'`)).id;
    const points = [];
    for (let i = 0; i < CONNECTIONS; i++) {
      const point = (await call('POST', '/api/v1/stock-points', { name: `Bench store ${i}`, kind: 'warehouse', locationId: location }, { cookie: coordinator })).body.id;
      await call('POST', '/api/v1/stock/receipts', { stockPointId: point, itemId: item, quantity: 1_000_000_000, reference: 'bench' }, { cookie: coordinator });
      points.push(point);
    }
    await db.query(`CREATE TABLE bench_points (n int PRIMARY KEY, id uuid NOT NULL)`);
    for (const [n, id] of points.entries()) await db.query(`INSERT INTO bench_points VALUES ($1, $2)`, [n, id]);
    const point = points[0];

    // --- HTTP: 32 connections, each recording distributions back to back.
    const record = (n = 0) => call('POST', '/api/v1/distributions', { clientId: randomUUID(), campId: camp, itemId: item, stockPointId: points[n], quantity: 1, households: 1, people: 5 }, { cookie });
    for (let i = 0; i < 200; i++) await record(i % CONNECTIONS); // warm-up
    const latencies = [];
    let failures = 0;
    const until = Date.now() + SECONDS * 1000;
    const started = process.hrtime.bigint();
    await Promise.all(
      Array.from({ length: CONNECTIONS }, async (_, n) => {
        while (Date.now() < until) {
          const t0 = process.hrtime.bigint();
          const res = await record(n);
          latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
          if (res.status !== 201) failures++;
        }
      }),
    );
    const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
    latencies.sort((a, b) => a - b);
    const apiRate = latencies.length / elapsed;

    // --- pgbench: the same transaction the API runs for one distribution, session lookup included.
    const session = await one(`SELECT s.token_hash FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.email = 'field@hro.example' ORDER BY s.created_at DESC LIMIT 1`);
    const user = await one(`SELECT id, organisation_id FROM users WHERE email = 'field@hro.example'`);
    const script = `\\set k random(1, 1000000000000)
\\set p :client_id % ${CONNECTIONS}
SELECT u.id, u.organisation_id, u.role, u.name, s.id, s.last_seen_at < now() - interval '1 minute' FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = '\\x${session.token_hash.toString('hex')}'::bytea AND s.ended_at IS NULL AND s.expires_at > now() AND s.last_seen_at > now() - make_interval(mins => 720) AND u.active;
BEGIN;
SELECT pg_advisory_xact_lock(hashtext('distribution:${user.organisation_id}:bench-' || (:k)::text));
SELECT (SELECT row_to_json(d) FROM distributions d WHERE d.organisation_id = '${user.organisation_id}' AND d.client_key = 'bench-' || (:k)::text) AS existing, (SELECT 1 FROM stock_points WHERE id = (SELECT id FROM bench_points WHERE n = :p) AND organisation_id = '${user.organisation_id}') AS point, (SELECT 1 FROM items WHERE id = '${item}') AS item, (SELECT location_id FROM camps WHERE id = '${camp}' AND organisation_id = '${user.organisation_id}') AS camp_location, (SELECT 1 FROM locations WHERE id = NULL) AS location;
WITH level AS (UPDATE stock_levels SET quantity = quantity - 1, updated_at = now() WHERE stock_point_id = (SELECT id FROM bench_points WHERE n = :p) AND item_id = '${item}' AND quantity >= 1 RETURNING stock_point_id, quantity), movement AS (INSERT INTO stock_movements (organisation_id, stock_point_id, item_id, kind, quantity, distribution_id, recorded_by) SELECT '${user.organisation_id}', level.stock_point_id, '${item}', 'distribution', -1, NULL, '${user.id}' FROM level), distribution AS (INSERT INTO distributions (organisation_id, client_key, request_hash, camp_id, location_id, item_id, stock_point_id, quantity, households, people, distributed_at, notes, stock_left, recorded_by) SELECT '${user.organisation_id}', 'bench-' || (:k)::text, 'h', '${camp}', (SELECT location_id FROM camps WHERE id = '${camp}'), '${item}', level.stock_point_id, 1, 1, 5, now(), NULL, level.quantity, '${user.id}' FROM level RETURNING *), audit AS (INSERT INTO audit_log (organisation_id, user_id, action, entity, entity_id, changed_fields) SELECT '${user.organisation_id}', '${user.id}', 'create', 'distribution', distribution.id::text, '{campId,clientId,households,itemId,people,quantity,stockPointId}' FROM distribution) SELECT * FROM distribution;
COMMIT;
`;
    const scriptFile = path.join(dir, 'distribution.sql');
    await writeFile(scriptFile, script);
    const url = new URL(database.url);
    const pgbench = spawnSync('pgbench', ['-n', '-M', 'simple', '-c', String(CONNECTIONS), '-j', '2', '-T', String(SECONDS), '-f', scriptFile, '-h', url.hostname, '-p', url.port, '-U', url.username, url.pathname.slice(1)], {
      env: { ...process.env, PGPASSWORD: decodeURIComponent(url.password) },
      encoding: 'utf8',
    });
    const pgbenchRate = Number(/tps = ([\d.]+)/.exec(pgbench.stdout)?.[1] ?? NaN);
    const pgbenchLatency = Number(/latency average = ([\d.]+) ms/.exec(pgbench.stdout)?.[1] ?? NaN);
    if (!pgbenchRate) console.error(pgbench.stdout, pgbench.stderr);

    console.log(`distributions over HTTP, ${CONNECTIONS} connections, ${SECONDS} s: ${apiRate.toFixed(0)} req/s, p50 ${ms(percentile(latencies, 50))}, p99 ${ms(percentile(latencies, 99))}, ${failures} failed`);
    console.log(`pgbench, same transaction, same server, ${CONNECTIONS} clients: ${pgbenchRate.toFixed(0)} tps, latency average ${ms(pgbenchLatency)}`);
    console.log(`ratio API / pgbench: ${(apiRate / pgbenchRate).toFixed(2)} (goal >= 0.50); p99 ${percentile(latencies, 99) < 50 ? 'under' : 'OVER'} 50 ms`);

    // --- CSV import of 20,000 rows against COPY of the same rows.
    const camps = (await db.query(`SELECT c.id FROM camps c JOIN organisations o ON o.id = c.organisation_id WHERE o.short_code = 'HRO'`)).rows.map((r) => r.id);
    const csv = () => {
      const lines = ['client_id,camp_id,item_code,stock_point_id,quantity,households,people,distributed_at,notes'];
      for (let i = 0; i < CSV_ROWS; i++) lines.push(`${randomUUID()},${camps[i % camps.length]},FOOD-PARCEL,${point},1,1,5,2019-12-26T09:00:00+02:00,`);
      return lines.join('\n') + '\n';
    };
    const importTimes = [];
    let lastFile = '';
    for (let run = 0; run < 3; run++) {
      lastFile = csv();
      const t0 = process.hrtime.bigint();
      const res = await call('POST', '/api/v1/distributions/import', lastFile, { cookie: coordinator, 'content-type': 'text/csv' });
      importTimes.push(Number(process.hrtime.bigint() - t0) / 1e6);
      if (res.status !== 201) throw new Error(`import answered ${res.status}: ${JSON.stringify(res.body).slice(0, 300)}`);
    }
    importTimes.sort((a, b) => a - b);
    const csvFile = path.join(dir, 'rows.csv');
    await writeFile(csvFile, lastFile);
    await db.query(`CREATE TABLE bench_copy (client_id uuid, camp_id uuid, item_code text, stock_point_id uuid, quantity int, households int, people int, distributed_at timestamptz, notes text)`);
    const copyTimes = [];
    for (let run = 0; run < 3; run++) {
      await db.query(`TRUNCATE bench_copy`);
      const t0 = process.hrtime.bigint();
      const copy = spawnSync('psql', [database.url, '-q', '-c', `\\copy bench_copy FROM '${csvFile}' CSV HEADER`], { encoding: 'utf8' });
      copyTimes.push(Number(process.hrtime.bigint() - t0) / 1e6);
      if (copy.status !== 0) throw new Error(copy.stderr);
    }
    copyTimes.sort((a, b) => a - b);
    console.log(`CSV import, ${CSV_ROWS} rows end to end (HTTP upload, validation, stock, ledger, audit): median ${ms(importTimes[1])} (goal < 1000 ms)`);
    console.log(`psql \\copy of the same ${CSV_ROWS} rows into a plain table: median ${ms(copyTimes[1])}; ratio import / COPY: ${(importTimes[1] / copyTimes[1]).toFixed(1)}`);
    await db.end().catch(() => undefined);
    agent.destroy();
  } finally {
    app.kill('SIGTERM');
    await new Promise((resolve) => app.once('exit', resolve));
    await database.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

async function waitFor(url) {
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not come up`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
