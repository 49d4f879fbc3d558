// Recording distributions over HTTP (signed in, validated, audited, idempotent) at 32 concurrent
// connections, against pgbench replaying the same SQL (the app's own statements, imported from the
// build) on the same server in the same run; and importing a 20,000-row CSV against a plain COPY
// of the same rows.
//   npm run bench            (builds nothing: run `npm run build` first)
// The HTTP load comes from wrk when it is installed (`apt-get install -y wrk`), a load generator in
// C that leaves the two cores to the app and the database; the Node client runs as well, and
// alone when wrk is missing (said in the output): the difference is the client's share.
import 'reflect-metadata';
import { spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { SESSION_ACTOR } from '../apps/api/dist/apps/api/src/auth/auth.service.js';
import { startEmbeddedPostgres } from '../apps/api/dist/apps/api/src/database/embedded-postgres.js';
import { RECORD_DISTRIBUTION } from '../apps/api/dist/apps/api/src/distributions/distributions.repository.js';
import { appRoleUrl } from '../apps/api/dist/apps/api/src/database/app-role.js';

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
const TICKS_PER_SECOND = 100;
/** CPU seconds used so far by a process (`self` and its waited-for children, or another pid), from /proc; null elsewhere. */
function cpuSeconds(pid = 'self', children = false) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    // utime and stime are fields 14 and 15 of stat, cutime and cstime 16 and 17 (counting from 1).
    const [user, system] = children ? [fields[13], fields[14]] : [fields[11], fields[12]];
    return (Number(user) + Number(system)) / TICKS_PER_SECOND;
  } catch {
    return null;
  }
}
const share = (cpu, seconds) => (cpu === null ? 'n/a' : `${Math.round((cpu / seconds) * 100)} %`);

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
    // Field teams at different camps draw from different stores: all 32 connections on one stock
    // level would only measure that row's lock queue. The Node client gives each connection its
    // own store; wrk cannot tell its connections apart, so each of its two threads takes turns
    // over 32 stores of its own, twice as many as it has connections.
    const location = (await one(`SELECT id FROM locations WHERE pcode = 'SY07030101'`)).id;
    const points = [];
    for (let i = 0; i < 2 * CONNECTIONS; i++) {
      const point = (await call('POST', '/api/v1/stock-points', { name: `Bench store ${i}`, kind: 'warehouse', locationId: location }, { cookie: coordinator })).body.id;
      await call('POST', '/api/v1/stock/receipts', { stockPointId: point, itemId: item, quantity: 1_000_000_000, reference: 'bench' }, { cookie: coordinator });
      points.push(point);
    }
    await db.query(`CREATE TABLE bench_points (n int PRIMARY KEY, id uuid NOT NULL)`);
    for (const [n, id] of points.entries()) await db.query(`INSERT INTO bench_points VALUES ($1, $2)`, [n, id]);
    await db.query(`GRANT SELECT ON bench_points TO relief_app`);
    const point = points[0];

    // --- HTTP: 32 connections, each recording distributions back to back.
    const record = (n = 0) => call('POST', '/api/v1/distributions', { clientId: randomUUID(), campId: camp, itemId: item, stockPointId: points[n], quantity: 1, households: 1, people: 5 }, { cookie });
    for (let i = 0; i < 200; i++) await record(i % CONNECTIONS); // warm-up
    const latencies = [];
    let failures = 0;
    const until = Date.now() + SECONDS * 1000;
    const started = process.hrtime.bigint();
    const [clientCpu, appCpu] = [process.cpuUsage(), cpuSeconds(app.pid)];
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
    const nodeClient = {
      rate: latencies.length / elapsed,
      ...(latencies.sort((a, b) => a - b), { p50: percentile(latencies, 50), p99: percentile(latencies, 99) }),
      failures,
      clientCpu: (({ user, system }) => (user + system) / 1e6)(process.cpuUsage(clientCpu)),
      appCpu: appCpu === null ? null : cpuSeconds(app.pid) - appCpu,
      seconds: elapsed,
    };
    const wrk = runWrk({ dir, port, appPid: app.pid, cookie, camp, item, points });

    // --- pgbench: the app's own two statements for one distribution (session lookup, then the
    // one statement that checks and records), with the values a request would bind.
    const session = await one(`SELECT s.token_hash FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.email = 'field@hro.example' ORDER BY s.created_at DESC LIMIT 1`);
    const user = await one(`SELECT id, organisation_id FROM users WHERE email = 'field@hro.example'`);
    const bind = (statement, values) => statement.text.replace(/\$(\d+)/g, (_, n) => values[Number(n) - 1]);
    const key = `'bench-' || (:k)::text`;
    const script = `\\set k random(1, 1000000000000)
\\set p :client_id % ${CONNECTIONS}
${bind(SESSION_ACTOR, [`'\\x${session.token_hash.toString('hex')}'::bytea`, 720]).replace(/\s+/g, ' ')};
${bind(RECORD_DISTRIBUTION, [
  `md5(${key})::uuid`,
  `'${user.organisation_id}'::uuid`,
  key,
  `'h'`,
  `'${camp}'::uuid`,
  'NULL::uuid',
  `'${item}'::uuid`,
  '(SELECT id FROM bench_points WHERE n = :p)',
  1,
  1,
  5,
  'NULL',
  'NULL::text',
  `'{campId,clientId,households,itemId,people,quantity,stockPointId}'::text[]`,
  `'${user.id}'::uuid`,
]).replace(/\s+/g, ' ')};
`;
    const scriptFile = path.join(dir, 'distribution.sql');
    await writeFile(scriptFile, script);
    const pgbench = (mode, connectAs = database.url, options = '') => {
      const url = new URL(connectAs);
      const run = spawnSync('pgbench', ['-n', '-M', mode, '-c', String(CONNECTIONS), '-j', '2', '-T', String(SECONDS), '-f', scriptFile, '-h', url.hostname, '-p', url.port, '-U', url.username, url.pathname.slice(1)], {
        env: { ...process.env, PGPASSWORD: decodeURIComponent(url.password), PGOPTIONS: options },
        encoding: 'utf8',
      });
      const rate = Number(/tps = ([\d.]+)/.exec(run.stdout)?.[1] ?? NaN);
      if (!rate) console.error(run.stdout, run.stderr);
      return { rate, latency: Number(/latency average = ([\d.]+) ms/.exec(run.stdout)?.[1] ?? NaN) };
    };
    // The app prepares both statements once per connection: prepared mode is like for like.
    const prepared = pgbench('prepared');
    const simple = pgbench('simple');
    // The same, as the app connects: its role (row-level security applies) with the organisation
    // set on the connection, as the pool does on checkout. The difference is the boundary's cost
    // inside PostgreSQL.
    const bounded = pgbench('prepared', appRoleUrl(database.url), `-c relief.organisation_id=${user.organisation_id}`);

    const line = (who, r) => `${r.rate.toFixed(0)} req/s, p50 ${ms(r.p50)}, p99 ${ms(r.p99)}, ${r.failures} failed; CPU (100 % = one core) app ${share(r.appCpu, r.seconds)}, client ${share(r.clientCpu, r.seconds)} (${who})`;
    console.log(`distributions over HTTP, ${CONNECTIONS} connections, ${SECONDS} s:`);
    console.log(`  Node client: ${line('Node http client in this process', nodeClient)}`);
    if (wrk) console.log(`  wrk:         ${line('wrk, 2 threads', wrk)}`);
    else console.log('  wrk:         not installed (apt-get install -y wrk): only the Node client measured, and it takes CPU from the app');
    console.log(`pgbench, the same statements, same server, ${CONNECTIONS} clients: ${prepared.rate.toFixed(0)} tps prepared (latency average ${ms(prepared.latency)}), ${simple.rate.toFixed(0)} tps simple (${ms(simple.latency)})`);
    console.log(`  as the app's role, row-level security on: ${bounded.rate.toFixed(0)} tps prepared (${ms(bounded.latency)}); boundary's cost in PostgreSQL ${(100 * (1 - bounded.rate / prepared.rate)).toFixed(0)} %`);
    const api = wrk ?? nodeClient;
    console.log(
      `ratio API (${wrk ? 'wrk' : 'Node client'}) / pgbench: ${(api.rate / prepared.rate).toFixed(2)} prepared, ${(api.rate / simple.rate).toFixed(2)} simple (goal >= 0.50); p99 ${ms(api.p99)} ${api.p99 < 50 ? 'under' : 'OVER'} 50 ms`,
    );

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

/** The same load from wrk, when installed: 2 threads of 16 connections, each thread over its own 32 stock points. */
function runWrk({ dir, port, appPid, cookie, camp, item, points }) {
  if (spawnSync('wrk', ['--version']).error) return null;
  const lua = `
local points = { ${points.map((p) => `"${p}"`).join(', ')} }
local threads = 0
function setup(thread) thread:set("first", threads * ${CONNECTIONS}); threads = threads + 1 end
function init() math.randomseed(os.time() * 7919 + first) end
local function hex(n) local t = {} for i = 1, n do t[i] = string.format("%x", math.random(0, 15)) end return table.concat(t) end
local headers = { ["content-type"] = "application/json", ["cookie"] = "${cookie}" }
local sent = 0
function request()
  sent = sent + 1
  local id = hex(8) .. "-" .. hex(4) .. "-4" .. hex(3) .. "-a" .. hex(3) .. "-" .. hex(12)
  local body = '{"clientId":"' .. id .. '","campId":"${camp}","itemId":"${item}","stockPointId":"' .. points[first + sent % ${CONNECTIONS} + 1] .. '","quantity":1,"households":1,"people":5}'
  return wrk.format("POST", "/api/v1/distributions", headers, body)
end
function done(summary, latency)
  local e = summary.errors
  io.write(string.format("WRK %d %d %d %d %d\\n", summary.requests, summary.duration, latency:percentile(50), latency:percentile(99), e.status + e.connect + e.read + e.write + e.timeout))
end`;
  const script = path.join(dir, 'distribution.lua');
  writeFileSync(script, lua);
  const [client, app] = [cpuSeconds('self', true), cpuSeconds(appPid)];
  const run = spawnSync('wrk', ['-t2', `-c${CONNECTIONS}`, `-d${SECONDS}s`, '-s', script, `http://127.0.0.1:${port}/api/v1/distributions`], { encoding: 'utf8' });
  const m = /WRK (\d+) (\d+) (\d+) (\d+) (\d+)/.exec(run.stdout);
  if (!m) throw new Error(`wrk gave no figures: ${run.stdout} ${run.stderr}`);
  const seconds = Number(m[2]) / 1e6;
  return {
    rate: Number(m[1]) / seconds,
    p50: Number(m[3]) / 1000,
    p99: Number(m[4]) / 1000,
    failures: Number(m[5]),
    clientCpu: client === null ? null : cpuSeconds('self', true) - client,
    appCpu: app === null ? null : cpuSeconds(appPid) - app,
    seconds,
  };
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
