// Reports and the overview at the data size of issue 10: 1,000,000 distributions and 3,000,000
// stock movements over two years, seeded with SQL into the demo database. Measures, against the
// database's own limit in the same run on the same server:
//   - the 4W and the stock card of a 500,000-movement pair as CSV over HTTP (time to the last
//     byte) against psql `\copy` of exactly the app's query to /dev/null;
//   - the app's peak RSS during each export, above its RSS at rest;
//   - an XLSX of ~100,000 rows (time, peak RSS);
//   - GET /api/v1/overview, 200 requests 4 at a time (p50/p95/p99), and the 4W JSON preview.
//   npm run bench                                (builds nothing: run `npm run build` first)
//   BENCH_REPORTS_SCALE=0.05 node bench/reports.bench.mjs   (a quick try: every count × 0.05)
//   BENCH_REPORTS_KEEP=1 …   (then keeps the database and the app up until Enter, for EXPLAIN)
import 'reflect-metadata';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { startEmbeddedPostgres } from '../apps/api/dist/apps/api/src/database/embedded-postgres.js';
import { ConvoyReportsRepository } from '../apps/api/dist/apps/api/src/reports/convoy-reports.repository.js';
import { DistributionReportsRepository } from '../apps/api/dist/apps/api/src/reports/distribution-reports.repository.js';
import { settingName } from '../apps/api/dist/apps/api/src/reports/report-sql.js';
import { ReportsRepository } from '../apps/api/dist/apps/api/src/reports/reports.repository.js';
import { ReportsService } from '../apps/api/dist/apps/api/src/reports/reports.service.js';
import { StockReportsRepository } from '../apps/api/dist/apps/api/src/reports/stock-reports.repository.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PSQL = '/usr/bin/psql';
const CURL = spawnSync('curl', ['--version']).error ? null : 'curl';
const SCALE = Number(process.env.BENCH_REPORTS_SCALE ?? 1);
/** Keep the seeded database and the app running after the figures, for investigation. */
const KEEP = process.env.BENCH_REPORTS_KEEP === '1';
if (!(SCALE > 0 && SCALE <= 1)) throw new Error(`BENCH_REPORTS_SCALE must be in (0, 1], not ${process.env.BENCH_REPORTS_SCALE}`);
const scaled = (count) => Math.max(1, Math.round(count * SCALE));

const SEED_DAYS = 730;
const DISTRIBUTIONS = scaled(1_000_000);
const RUNS = 3;
const OVERVIEW_REQUESTS = 200;
const OVERVIEW_CONCURRENCY = 4;
const PREVIEW_REQUESTS = 20;
const RSS_SAMPLE_MS = 20;
const MB = 1024 * 1024;

/**
 * The seeded ledger, per item: movements at the Sarmada warehouse and at the Atmeh camp store
 * (the two HRO stores of the demo), and how many of them are transfers from the one to the
 * other (each makes a movement at both). The rest of each level's movements are distributions,
 * receipts, losses (1.5 %) and counts (0.5 %), with one opening receipt; distributions take the
 * same share at every level, so that they add up to 1,000,000. The warehouse's food parcels are
 * the busy pair (500,000 movements, for the stock card); the camp store's hygiene kits have
 * 100,000 (the XLSX). 3,000,000 movements in all. Quantities are per handout to one household.
 */
const LEDGER = [
  { code: 'FOOD-PARCEL', warehouse: 500_000, store: 180_000, transfers: 100_000, per: [1, 1] },
  { code: 'TENT-FAMILY', warehouse: 150_000, store: 90_000, transfers: 40_000, per: [1, 1] },
  { code: 'BLANKET', warehouse: 300_000, store: 220_000, transfers: 120_000, per: [1, 5] },
  { code: 'WINTER-KIT', warehouse: 280_000, store: 220_000, transfers: 120_000, per: [1, 4] },
  { code: 'HYGIENE-KIT', warehouse: 150_000, store: 100_000, transfers: 40_000, per: [1, 1] },
  { code: 'WATER-L', warehouse: 320_000, store: 490_000, transfers: 200_000, per: [20, 150] },
];
/** The busy pair's item, at the warehouse (stock card as CSV); the XLSX pair's, at the camp store. */
const BUSY_ITEM = 'FOOD-PARCEL';
const XLSX_ITEM = 'HYGIENE-KIT';

const freePort = () =>
  new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const ms = (n) => `${n < 100 ? n.toFixed(1) : Math.round(n).toLocaleString('en')} ms`;
const mb = (bytes) => `${(bytes / MB).toFixed(1)} MB`;
const count = (n) => n.toLocaleString('en');
const loadAverage = () => os.loadavg().map((l) => l.toFixed(2)).join(' ');
const elapsedMs = (t0) => Number(process.hrtime.bigint() - t0) / 1e6;

/** The resident set of a process, from /proc (Linux); null elsewhere. */
function rss(pid) {
  try {
    return Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) * 1024;
  } catch {
    return null;
  }
}

/** CPU seconds a process has used so far (user + system), from /proc; null elsewhere. */
function cpuSeconds(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks
  } catch {
    return null;
  }
}

/** Samples a process's RSS every ~20 ms until stopped; the highest seen. */
function watchRss(pid) {
  let peak = rss(pid) ?? 0;
  const timer = setInterval(() => (peak = Math.max(peak, rss(pid) ?? 0)), RSS_SAMPLE_MS);
  return () => {
    clearInterval(timer);
    return Math.max(peak, rss(pid) ?? 0);
  };
}

/** The app's RSS at rest: the lowest of a few samples over 300 ms (a finished request's garbage may still be going). */
async function idleRss(pid) {
  let low = Infinity;
  for (let i = 0; i < 15; i++) {
    low = Math.min(low, rss(pid) ?? Infinity);
    await new Promise((r) => setTimeout(r, RSS_SAMPLE_MS));
  }
  return low;
}

async function main() {
  const started = process.hrtime.bigint();
  console.log(`load average at start (1, 5, 15 min): ${loadAverage()} on ${os.cpus().length} cores; scale ${SCALE}`);
  console.log(`downloads with ${CURL ? 'curl' : "Node's http client in this process (curl not installed: the client's CPU is taken from the app and PostgreSQL)"}`);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'relief-bench-'));
  const database = await startEmbeddedPostgres({ dir, port: await freePort(), database: 'relief_bench', log: () => undefined, ephemeral: true });
  const port = await freePort();
  // The app starts once, on the fresh database, to migrate and load the demo (schema, camps,
  // stores, items, users), and keeps running for the measurements. Request logs on as in
  // production (stdout discarded); a high rate limit so 200 overview requests are not a 429.
  const app = spawn(process.execPath, [path.join(ROOT, 'apps/api/dist/apps/api/src/main.js')], {
    env: { PATH: process.env.PATH, DATABASE_URL: database.url, PORT: String(port), DEMO_DATA: 'true', LOG_LEVEL: 'info', RATE_LIMIT_PER_MINUTE: '1000000' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const db = new pg.Client({ connectionString: database.url });
  try {
    await waitFor(`http://127.0.0.1:${port}/api/health`);
    await db.connect();
    db.on('error', () => undefined);
    const seed = await seedLedger(db);

    const agent = new http.Agent({ keepAlive: true, maxSockets: OVERVIEW_CONCURRENCY });
    const base = `http://127.0.0.1:${port}`;
    const signIn = await request(agent, `${base}/api/v1/auth/sign-in`, { method: 'POST', body: { email: 'manager@hro.example', password: 'demo-password-2019' } });
    if (signIn.status !== 200) throw new Error(`sign-in answered ${signIn.status}`);
    const cookie = String(signIn.headers['set-cookie']).split(';')[0];
    const manager = (await db.query(`SELECT id AS "userId", organisation_id AS "organisationId", role, name FROM users WHERE email = 'manager@hro.example'`)).rows[0];

    // The report's SQL as the app builds it: its own service makes the context (zone, today,
    // defaults) and its own repositories the SQL, from the build; only the database calls go to
    // this process's client.
    const dataSource = { query: async (text, values) => (await db.query(text, values)).rows };
    const service = new ReportsService(new ReportsRepository(dataSource), new DistributionReportsRepository(), new StockReportsRepository(dataSource), new ConvoyReportsRepository(), undefined);
    const appSql = async (report, query) => service.sql(report, await service.context(manager, report, query, 'settings', new Date()));
    const psqlCopy = psqlRunner(database.url, dir, (text) => db.escapeLiteral(text));

    const exports = {};
    const period = { from: seed.firstDay, to: seed.today };
    const csvCase = async (label, report, query) => {
      const url = `${base}/api/v1/reports/${report}?${new URLSearchParams({ format: 'csv', ...query })}`;
      exports[label] = await compareWithCopy({ agent, cookie, url, pid: app.pid, baseline: psqlCopy && (await psqlCopy(await appSql(report, query))) });
    };
    await csvCase('4W, CSV', '4w', period);
    await csvCase(`stock card, ${seed.busy.movements.toLocaleString('en')} movements, CSV`, 'stock-card', { ...period, stockPointId: seed.busy.pointId, itemId: seed.busy.itemId });

    // XLSX: the stock card of the camp store's hygiene kits (~100,000 movements).
    const xlsxUrl = `${base}/api/v1/reports/stock-card?${new URLSearchParams({ format: 'xlsx', ...period, stockPointId: seed.xlsx.pointId, itemId: seed.xlsx.itemId })}`;
    const xlsx = await timedDownloads({ agent, cookie, url: xlsxUrl, pid: app.pid });

    // The 4W preview (first page, as the web app asks for it) and the overview.
    const preview = [];
    for (let i = 0; i < PREVIEW_REQUESTS + 2; i++) {
      const t0 = process.hrtime.bigint();
      const res = await request(agent, `${base}/api/v1/reports/4w?${new URLSearchParams(period)}`, { cookie });
      if (res.status !== 200) throw new Error(`4W preview answered ${res.status}`);
      if (i >= 2) preview.push(elapsedMs(t0)); // two warm-ups
    }
    preview.sort((a, b) => a - b);
    const overview = await overviewLatencies(agent, `${base}/api/v1/overview`, cookie);
    agent.destroy();

    report({ seed, exports, xlsx, preview, overview, psql: Boolean(psqlCopy), seconds: elapsedMs(started) / 1000 });
    if (KEEP) {
      // For EXPLAIN ANALYZE at this size without seeding again: the psql scripts of the baseline are in the folder.
      // Enter, not Ctrl-C: embedded-postgres stops the cluster and exits on SIGINT, before this cleans up.
      console.log(`\nBENCH_REPORTS_KEEP: database ${database.url}, app http://127.0.0.1:${port} (pid ${app.pid}), scripts in ${dir}; press Enter to stop`);
      await new Promise((resolve) => process.stdin.once('data', resolve));
      process.stdin.pause();
    }
  } finally {
    await db.end().catch(() => undefined);
    app.kill('SIGTERM');
    await new Promise((resolve) => app.once('exit', resolve));
    await database.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Writes two years of HRO's ledger with SQL: movements at the demo's two stores (see LEDGER),
 * and 1,000,000 distributions at its three camps (6 % at communities outside a camp), each
 * with the movement that drew its stock. Every level's running balance, in the order of its
 * movements, stays at or above zero (an opening receipt at the start of the period covers the
 * deepest point), the level row ends equal to the sum of its movements, and each distribution
 * keeps the level right after it (`stock_left`), as the app writes them. The app's tables keep
 * all their constraints, indexes and triggers; the distributions go in with one INSERT … SELECT,
 * so the statement trigger fills distribution_day_totals as it would for a CSV import.
 */
async function seedLedger(db) {
  const one = async (sql, values) => (await db.query(sql, values)).rows[0];
  const hro = (await one(`SELECT id FROM organisations WHERE short_code = 'HRO'`)).id;
  const coordinator = (await one(`SELECT id FROM users WHERE email = 'coordinator@hro.example'`)).id;
  const field = (await one(`SELECT id FROM users WHERE email = 'field@hro.example'`)).id;
  const point = async (name) => (await one(`SELECT id FROM stock_points WHERE name = $1 AND organisation_id = $2`, [name, hro])).id;
  const [warehouse, store] = [await point('Sarmada warehouse'), await point('Atmeh camp store')];
  const camp = async (name) => one(`SELECT id, location_id FROM camps WHERE name_en = $1 AND organisation_id = $2`, [name, hro]);
  const [atmeh, olives, idlibEast] = [await camp('Atmeh border camp (new)'), await camp('Sarmada olive grove camp'), await camp('Idlib east reception centre')];
  const communities = (await db.query(`SELECT id FROM locations WHERE pcode = ANY($1) ORDER BY pcode`, [['SY07000001', 'SY07000002', 'SY07030101', 'SY07050001']])).rows.map((r) => r.id);
  const items = new Map((await db.query(`SELECT code, id FROM items`)).rows.map((r) => [r.code, r.id]));
  const demoLevel = async (pointId, itemId) => Number((await one(`SELECT quantity FROM stock_levels WHERE stock_point_id = $1 AND item_id = $2`, [pointId, itemId]))?.quantity ?? 0);

  // One plan row per level: how many movements of each kind, in the proportions described at LEDGER.
  const plan = [];
  for (const item of LEDGER) {
    for (const [pointId, movements, isStore] of [
      [warehouse, item.warehouse, false],
      [store, item.store, true],
    ]) {
      const transfers = scaled(item.transfers);
      const others = scaled(movements) - transfers - 1; // the 1 is the opening receipt
      plan.push({ lvl: plan.length + 1, code: item.code, point_id: pointId, item_id: items.get(item.code), store: isStore, transfers, others, qmin: item.per[0], qmax: item.per[1], existing: await demoLevel(pointId, items.get(item.code)) });
    }
  }
  const allOthers = plan.reduce((sum, l) => sum + l.others, 0);
  for (const l of plan) {
    l.distributions = Math.round((l.others * DISTRIBUTIONS) / allOthers);
    l.losses = Math.max(1, Math.round(l.others * 0.015));
    l.adjustments = Math.max(1, Math.round(l.others * 0.005));
  }
  const busyPlan = plan.find((l) => l.point_id === warehouse && l.code === BUSY_ITEM);
  busyPlan.distributions += DISTRIBUTIONS - plan.reduce((sum, l) => sum + l.distributions, 0);
  for (const l of plan) {
    l.receipts = l.others - l.distributions - l.losses - l.adjustments;
    if (l.receipts < 1) throw new Error(`scale ${SCALE} too small for ${l.code}`);
  }

  const today = (await one(`SELECT to_char(now() AT TIME ZONE 'Asia/Damascus', 'YYYY-MM-DD') AS d`)).d;
  // Day 0 of the seed: 730 days before today (UTC midnight); the last seeded day is yesterday.
  const t0 = (await one(`SELECT (current_date - $1::int)::timestamp AT TIME ZONE 'UTC' AS t0`, [SEED_DAYS])).t0;
  const firstDay = (await one(`SELECT to_char($1::timestamptz AT TIME ZONE 'Asia/Damascus', 'YYYY-MM-DD') AS d`, [t0])).d;
  const timings = [];
  const step = async (label, sql, values = []) => {
    const t = process.hrtime.bigint();
    const result = await db.query(sql, values);
    timings.push({ label, ms: elapsedMs(t), rows: result.rowCount });
    return result;
  };

  await db.query(`SET work_mem = '256MB'`);
  await db.query(`SET maintenance_work_mem = '512MB'`);
  await db.query(`CREATE TEMP TABLE seed_plan AS SELECT * FROM jsonb_to_recordset($1::jsonb) AS p(
    lvl int, point_id uuid, item_id uuid, store boolean, transfers int, distributions int, receipts int, losses int, adjustments int, qmin int, qmax int, existing bigint)`, [JSON.stringify(plan)]);
  // Every movement to be, with its level's number; ord breaks ties in time (a transfer's two legs).
  await db.query(`CREATE TEMP TABLE seed_moves (
    ord bigint GENERATED ALWAYS AS IDENTITY, lvl int NOT NULL, kind text NOT NULL, at timestamptz NOT NULL, quantity bigint NOT NULL,
    transfer_id uuid, reference text, loss_cause text, reason text, donor text, pipeline_reference text, recorded_by uuid NOT NULL,
    distribution_id uuid, client_key text, camp_id uuid, location_id uuid, people int, distributed_at timestamptz)`);
  // Work happens in the daytime: a random day of the period, 05:00–15:00 UTC (08:00–18:00 in Idlib).
  await db.query(`CREATE FUNCTION pg_temp.daytime(t0 timestamptz, days int) RETURNS timestamptz LANGUAGE sql VOLATILE
    AS $$ SELECT t0 + floor(random() * days) * interval '1 day' + interval '5 hours' + random() * interval '10 hours' $$`);

  const t = process.hrtime.bigint();
  // Distributions, one household each; recorded (synced from the phone) up to 3 hours after.
  // Camp stores hand out at their own camp; the warehouse at the three camps, by size, and 6 % in
  // the communities around them.
  await step(
    'plan distributions',
    `WITH draws AS (
       SELECT p.lvl, p.store, p.qmin, p.qmax, pg_temp.daytime($1, $2) AS at, random() AS r_qty, random() AS r_people, random() AS r_site, random() AS r_delay
       FROM seed_plan p, generate_series(1, p.distributions))
     INSERT INTO seed_moves (lvl, kind, at, quantity, distribution_id, client_key, camp_id, location_id, people, distributed_at, recorded_by)
     SELECT lvl, 'distribution', at + r_delay * interval '3 hours', -q, gen_random_uuid(), gen_random_uuid()::text, site.camp_id,
            coalesce(site.camp_location, ($3::uuid[])[1 + floor(r_site * 100)::int % 4]), 2 + floor(r_people * 8)::int, at, $4::uuid
     FROM draws, LATERAL (SELECT qmin + floor(r_qty * (qmax - qmin + 1))::bigint AS q) amount,
     LATERAL (SELECT CASE WHEN store OR r_site BETWEEN 0.06 AND 0.5 THEN $5::uuid WHEN r_site BETWEEN 0.5 AND 0.8 THEN $6::uuid WHEN r_site > 0.8 THEN $7::uuid END AS camp_id) c,
     LATERAL (SELECT c.camp_id, CASE c.camp_id WHEN $5::uuid THEN $8::uuid WHEN $6::uuid THEN $9::uuid WHEN $7::uuid THEN $10::uuid END AS camp_location) site`,
    [t0, SEED_DAYS, communities, field, atmeh.id, olives.id, idlibEast.id, atmeh.location_id, olives.location_id, idlibEast.location_id],
  );
  await step(
    'plan losses and counts',
    `INSERT INTO seed_moves (lvl, kind, at, quantity, loss_cause, reason, reference, recorded_by)
     SELECT p.lvl, 'loss', pg_temp.daytime($1, $2), -(p.qmax * (5 + floor(random() * 46)))::bigint,
            (ARRAY['destroyed', 'looted', 'spoiled', 'missing'])[1 + floor(random() * 4)::int], NULL, 'Loss report', $3::uuid
     FROM seed_plan p, generate_series(1, p.losses)
     UNION ALL
     SELECT p.lvl, 'adjustment', pg_temp.daytime($1, $2), (CASE WHEN random() < 0.5 THEN -1 ELSE 1 END) * (1 + floor(random() * p.qmax * 5))::bigint,
            NULL, 'Monthly count', 'Stock count', $3::uuid
     FROM seed_plan p, generate_series(1, p.adjustments)`,
    [t0, SEED_DAYS, coordinator],
  );
  // Transfers from the warehouse to the camp store bring ~90 % of what the store hands out and loses.
  await step(
    'plan transfers',
    `WITH outflow AS (SELECT lvl, sum(-quantity) AS quantity FROM seed_moves GROUP BY lvl),
     legs AS (
       SELECT w.lvl AS from_lvl, s.lvl AS to_lvl, s.transfers, greatest(1, o.quantity * 0.9 / s.transfers) AS mean
       FROM seed_plan s JOIN seed_plan w ON w.item_id = s.item_id AND NOT w.store JOIN outflow o ON o.lvl = s.lvl WHERE s.store),
     transfers AS (
       SELECT from_lvl, to_lvl, gen_random_uuid() AS id, pg_temp.daytime($1, $2) AS at, greatest(1, round(mean * (0.5 + random())))::bigint AS quantity, n
       FROM legs, generate_series(1, legs.transfers) n)
     INSERT INTO seed_moves (lvl, kind, at, quantity, transfer_id, reference, recorded_by)
     SELECT from_lvl, 'transfer_out', at, -quantity, id, 'To Atmeh camp store, waybill TR-' || n, $3::uuid FROM transfers
     UNION ALL
     SELECT to_lvl, 'transfer_in', at, quantity, id, 'From Sarmada warehouse, waybill TR-' || n, $3::uuid FROM transfers`,
    [t0, SEED_DAYS, coordinator],
  );
  // Receipts from donors cover the rest of the outflow (2 % over), in deliveries of varying size.
  await step(
    'plan receipts',
    `WITH flows AS (
       SELECT lvl, coalesce(sum(-quantity) FILTER (WHERE quantity < 0), 0) AS outflow, coalesce(sum(quantity) FILTER (WHERE quantity > 0), 0) AS inflow
       FROM seed_moves GROUP BY lvl),
     receipts AS (
       SELECT p.lvl, greatest(p.receipts, f.outflow * 1.02 - f.inflow) / p.receipts AS mean, n, 1 + floor(random() * 6)::int AS donor
       FROM seed_plan p JOIN flows f USING (lvl), generate_series(1, p.receipts) n)
     INSERT INTO seed_moves (lvl, kind, at, quantity, reference, donor, pipeline_reference, recorded_by)
     SELECT lvl, 'receipt', pg_temp.daytime($1, $2), greatest(1, round(mean * (0.5 + random())))::bigint, 'Waybill RC-' || lvl || '-' || n,
            (ARRAY['WFP', 'ECHO', 'UNHCR', 'UNICEF', 'SCHF', NULL])[donor],
            (ARRAY['WFP-SY-2019-EMOP-200988', 'ECHO/SYR/BUD/2019/91012', 'UNHCR-SYR-2019-SH-07', 'UNICEF-SYR-2019-WINTER-3', 'SCHF-2019-NW-114', NULL])[donor], $3::uuid
     FROM receipts`,
    [t0, SEED_DAYS, coordinator],
  );
  // The opening stock at the start of the period: the deepest point the running balance would
  // reach without it, plus a week of outflow.
  await step(
    'plan opening stock',
    `INSERT INTO seed_moves (lvl, kind, at, quantity, reference, recorded_by)
     SELECT lvl, 'receipt', $1::timestamptz, greatest(0, -min(running)) + ceil(sum(-quantity) FILTER (WHERE quantity < 0) * 7.0 / $2) + 1,
            'Opening stock (count when the ledger started)', $3::uuid
     FROM (SELECT lvl, quantity, sum(quantity) OVER (PARTITION BY lvl ORDER BY at, ord) AS running FROM seed_moves) m
     GROUP BY lvl`,
    [t0, SEED_DAYS, coordinator],
  );
  await step(
    'running balances',
    `CREATE TEMP TABLE seed_ledger AS SELECT m.*, sum(m.quantity) OVER (PARTITION BY m.lvl ORDER BY m.at, m.ord) AS balance FROM seed_moves m`,
  );
  const planned = await one(`SELECT count(*)::int AS moves, count(*) FILTER (WHERE kind = 'distribution')::int AS distributions, min(balance)::bigint AS lowest FROM seed_ledger`);
  if (Number(planned.lowest) < 0) throw new Error(`seed plan goes negative (${planned.lowest})`);
  const planMs = elapsedMs(t);

  // The ledger itself, in one transaction: levels, movements in the order they happened (so
  // seq follows time at each level), distributions in one statement, levels brought to the sum.
  const w = process.hrtime.bigint();
  await db.query('BEGIN');
  await step(
    'stock levels (missing ones)',
    `INSERT INTO stock_levels (stock_point_id, item_id, organisation_id, quantity) SELECT point_id, item_id, $1::uuid, 0 FROM seed_plan ON CONFLICT DO NOTHING`,
    [hro],
  );
  await step(
    'INSERT stock_movements',
    `INSERT INTO stock_movements (organisation_id, stock_point_id, item_id, kind, quantity, reference, loss_cause, reason, transfer_id, distribution_id, recorded_by, recorded_at, donor, pipeline_reference)
     SELECT $1::uuid, p.point_id, p.item_id, m.kind, m.quantity, m.reference, m.loss_cause, m.reason, m.transfer_id, m.distribution_id, m.recorded_by, m.at, m.donor, m.pipeline_reference
     FROM seed_ledger m JOIN seed_plan p USING (lvl) ORDER BY m.at, m.ord`,
    [hro],
  );
  await step(
    'INSERT distributions (+ day totals trigger)',
    `INSERT INTO distributions (id, organisation_id, client_key, request_hash, camp_id, location_id, item_id, stock_point_id, quantity, households, people, distributed_at, stock_left, recorded_by, created_at)
     SELECT m.distribution_id, $1::uuid, m.client_key, 'bench-seed', m.camp_id, m.location_id, p.item_id, p.point_id, -m.quantity, 1, m.people, m.distributed_at,
            p.existing + m.balance, m.recorded_by, m.at
     FROM seed_ledger m JOIN seed_plan p USING (lvl) WHERE m.kind = 'distribution' ORDER BY m.distributed_at`,
    [hro],
  );
  await step(
    'UPDATE stock_levels to the sum',
    `UPDATE stock_levels s SET quantity = s.quantity + t.net, updated_at = greatest(s.updated_at, t.last)
     FROM (SELECT p.point_id, p.item_id, sum(m.quantity) AS net, max(m.at) AS last FROM seed_moves m JOIN seed_plan p USING (lvl) GROUP BY 1, 2) t
     WHERE s.stock_point_id = t.point_id AND s.item_id = t.item_id`,
  );
  await db.query('COMMIT');
  const writeMs = elapsedMs(w);
  await db.query(`DROP TABLE seed_ledger, seed_moves, seed_plan`);
  const v = process.hrtime.bigint();
  await db.query('VACUUM ANALYZE');
  const vacuumMs = elapsedMs(v);

  // Checks: the ledger adds up, never dips below zero in its own order, and the day totals
  // hold every distribution.
  const c = process.hrtime.bigint();
  const ledger = await one(`
    WITH sums AS (SELECT stock_point_id, item_id, sum(quantity) AS quantity FROM stock_movements GROUP BY 1, 2)
    SELECT count(*) FILTER (WHERE s.quantity <> coalesce(m.quantity, 0))::int AS mismatched, count(*)::int AS levels
    FROM stock_levels s LEFT JOIN sums m USING (stock_point_id, item_id)`);
  const lowest = await one(`SELECT min(running)::bigint AS lowest FROM (SELECT sum(quantity) OVER (PARTITION BY stock_point_id, item_id ORDER BY seq) AS running FROM stock_movements) m`);
  const totals = await one(`
    SELECT (SELECT count(*) FROM distributions)::int AS distributions, (SELECT sum(distributions) FROM distribution_day_totals)::int AS in_totals,
           (SELECT sum(quantity) FROM distributions)::bigint AS quantity, (SELECT sum(quantity) FROM distribution_day_totals)::bigint AS quantity_in_totals,
           (SELECT count(*) FROM distribution_day_totals)::int AS total_rows, (SELECT count(*) FROM stock_movements)::int AS movements`);
  const pairCount = async (pointId, itemId) => Number((await one(`SELECT count(*) AS n FROM stock_movements WHERE stock_point_id = $1 AND item_id = $2`, [pointId, itemId])).n);
  const checkMs = elapsedMs(c);
  if (ledger.mismatched || Number(lowest.lowest) < 0 || totals.distributions !== totals.in_totals || totals.quantity !== totals.quantity_in_totals) {
    throw new Error(`seeded data inconsistent: ${JSON.stringify({ ledger, lowest, totals })}`);
  }
  const sizes = await one(`SELECT pg_size_pretty(pg_total_relation_size('stock_movements')) AS movements, pg_size_pretty(pg_total_relation_size('distributions')) AS distributions`);
  return {
    today,
    firstDay,
    timings,
    planMs,
    writeMs,
    vacuumMs,
    checkMs,
    planned,
    totals,
    sizes,
    ledger,
    busy: { pointId: warehouse, itemId: items.get(BUSY_ITEM), movements: await pairCount(warehouse, items.get(BUSY_ITEM)) },
    xlsx: { pointId: store, itemId: items.get(XLSX_ITEM), movements: await pairCount(store, items.get(XLSX_ITEM)) },
  };
}

/**
 * psql replaying what ReportsRepository.csv() sends for a report: in one read-only transaction,
 * the values as transaction-local settings, then COPY of the query wrapped as the repository
 * wraps it (csv_safe on text columns), here `\copy … to /dev/null`. Null when psql is missing.
 */
function psqlRunner(url, dir, literal) {
  if (!existsSync(PSQL)) return null;
  let n = 0;
  return async (sql) => {
    if (/--/.test(sql.text)) throw new Error('the report SQL has a -- comment: it cannot go on one \\copy line');
    // \copy takes its query on one line; no literal of the report SQL holds a run of blanks.
    const oneLine = sql.text.replace(/\s+/g, ' ');
    const literals = (text) => (text.match(/'(?:[^']|'')*'/g) ?? []).join('|');
    if (literals(oneLine) !== literals(sql.text)) throw new Error('collapsing blanks would change a literal of the report SQL');
    const columns = sql.columns.map((c) => (c.type === 'text' ? `csv_safe(r."${c.key}")` : `r."${c.key}"`)).join(', ');
    const texts = sql.values.map((v) => (v === null ? '' : Array.isArray(v) ? `{${v.join(',')}}` : String(v)));
    const settings = `SELECT set_config(name, value, true) FROM unnest(ARRAY[${sql.values.map((_v, i) => literal(settingName(i + 1))).join(', ')}]::text[], ARRAY[${texts.map(literal).join(', ')}]::text[]) AS s(name, value);`;
    const prologue = `BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY;\n${sql.values.length ? settings : ''}\n`;
    const script = path.join(dir, `copy-${++n}.sql`);
    const connectOnly = path.join(dir, `connect-${n}.sql`);
    writeFileSync(script, `${prologue}\\copy (SELECT ${columns} FROM (${oneLine}) r) to '/dev/null' with (format csv)\nCOMMIT;\n`);
    writeFileSync(connectOnly, `${prologue}COMMIT;\n`);
    const run = (file) => {
      const t0 = process.hrtime.bigint();
      const result = spawnSync(PSQL, [url, '-X', '-v', 'ON_ERROR_STOP=1', '-f', file], { encoding: 'utf8', maxBuffer: 16 * MB });
      const took = elapsedMs(t0);
      if (result.status !== 0) throw new Error(`psql failed: ${result.stderr}`);
      return { ms: took, rows: Number(/^COPY (\d+)$/m.exec(result.stdout)?.[1] ?? NaN) };
    };
    return { copy: () => run(script), connectOnly: () => run(connectOnly) };
  };
}

/**
 * A CSV export over HTTP against psql's \copy of the same query: one warm-up of each, then 3
 * of each taking turns (so a change in the machine's load hits both), with the app's RSS
 * sampled during each download.
 */
async function compareWithCopy({ agent, cookie, url, pid, baseline }) {
  await download(agent, url, cookie);
  baseline?.copy();
  const http = [];
  const psql = [];
  const overhead = [];
  for (let i = 0; i < RUNS; i++) {
    http.push(await measuredDownload(agent, url, cookie, pid));
    if (baseline) {
      psql.push(baseline.copy());
      overhead.push(baseline.connectOnly().ms);
    }
  }
  return { http, psql, overhead };
}

async function timedDownloads({ agent, cookie, url, pid }) {
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await measuredDownload(agent, url, cookie, pid));
  return { http: runs };
}

async function measuredDownload(agent, url, cookie, pid) {
  const idle = await idleRss(pid);
  const cpu = cpuSeconds(pid);
  const stop = watchRss(pid);
  const result = await download(agent, url, cookie);
  const peak = stop();
  return { ...result, idle, peak, cpu: cpu === null ? null : cpuSeconds(pid) - cpu, after: await idleRss(pid) };
}

/**
 * GET to the last byte, the body thrown away. With curl when installed (a client in C that
 * leaves the two cores to the app and PostgreSQL, as psql does on the other side: a Node client
 * reading 40 MB takes CPU from both); else with Node's http client in this process (said in
 * the output). Both are timed from start to exit, as psql is.
 */
function download(agent, url, cookie) {
  return CURL ? downloadWithCurl(url, cookie) : downloadWithNode(agent, url, cookie);
}

function downloadWithCurl(url, cookie) {
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    // The session cookie through a header file, not on the command line.
    const headers = path.join(os.tmpdir(), `relief-bench-headers-${process.pid}`);
    writeFileSync(headers, `cookie: ${cookie}\n`, { mode: 0o600 });
    const curl = spawn(CURL, ['-sS', '-o', '/dev/null', '-H', `@${headers}`, '-w', '%{http_code} %{size_download} %{time_starttransfer}', url]);
    let out = '';
    curl.stdout.on('data', (chunk) => (out += chunk));
    curl.stderr.on('data', (chunk) => (out += chunk));
    curl.on('error', reject);
    curl.on('exit', () => {
      rmSync(headers, { force: true });
      const [status, bytes, firstByte] = out.trim().split(' ').map(Number);
      if (status !== 200) reject(new Error(`${url} answered ${out}`));
      else resolve({ ms: elapsedMs(t0), firstByte: firstByte * 1000, bytes });
    });
  });
}

function downloadWithNode(agent, url, cookie) {
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    http
      .get(url, { agent, headers: { cookie } }, (res) => {
        let bytes = 0;
        let firstByte = null;
        res.on('data', (chunk) => {
          firstByte ??= elapsedMs(t0);
          bytes += chunk.length;
        });
        res.on('end', () => {
          if (res.statusCode !== 200) reject(new Error(`${url} answered ${res.statusCode}`));
          else resolve({ ms: elapsedMs(t0), firstByte, bytes });
        });
        res.on('error', reject);
      })
      .on('error', reject);
  });
}

function request(agent, url, { method = 'GET', body, cookie } = {}) {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, agent, headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) } }, (res) => {
      let text = '';
      res.on('data', (c) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, text }));
    });
    req.on('error', reject);
    req.end(body === undefined ? undefined : JSON.stringify(body));
  });
}

/** 200 overview requests from 4 clients at once, after 10 warm-ups; sorted latencies. */
async function overviewLatencies(agent, url, cookie) {
  for (let i = 0; i < 10; i++) await request(agent, url, { cookie });
  const latencies = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: OVERVIEW_CONCURRENCY }, async () => {
      while (next++ < OVERVIEW_REQUESTS) {
        const t0 = process.hrtime.bigint();
        const res = await request(agent, url, { cookie });
        if (res.status !== 200) throw new Error(`overview answered ${res.status}`);
        latencies.push(elapsedMs(t0));
      }
    }),
  );
  return latencies.sort((a, b) => a - b);
}

/** The app's CPU time per download (median), in seconds. */
const appCpu = (runs) => (runs[0].cpu === null ? 'n/a' : `${median(runs.map((x) => x.cpu)).toFixed(2)} s`);

function report({ seed, exports, xlsx, preview, overview, psql, seconds }) {
  const { totals } = seed;
  console.log(`\nseeded ${count(totals.movements)} stock movements (busy pair ${count(seed.busy.movements)}, XLSX pair ${count(seed.xlsx.movements)}) and ${count(totals.distributions)} distributions, ${seed.firstDay} to ${seed.today}`);
  console.log(`  plan in temp tables ${ms(seed.planMs)}; written in one transaction ${ms(seed.writeMs)}; VACUUM ANALYZE ${ms(seed.vacuumMs)}; checks ${ms(seed.checkMs)}`);
  for (const s of seed.timings) console.log(`    ${s.label.padEnd(44)} ${ms(s.ms).padStart(11)}  ${count(s.rows ?? 0)} rows`);
  console.log(`  checked: ${seed.ledger.levels} levels equal to the sum of their movements, none below zero in seq order; distribution_day_totals: ${count(totals.total_rows)} rows holding all ${count(totals.in_totals)} distributions (${count(Number(totals.quantity_in_totals))} units)`);
  console.log(`  sizes with indexes: stock_movements ${seed.sizes.movements}, distributions ${seed.sizes.distributions}`);

  const verdicts = [];
  for (const [label, r] of Object.entries(exports)) {
    const httpMs = median(r.http.map((x) => x.ms));
    const worst = r.http.reduce((a, b) => (b.peak - b.idle > a.peak - a.idle ? b : a));
    console.log(`\n${label}: ${mb(r.http[0].bytes)}`);
    console.log(`  HTTP, time to last byte: median ${ms(httpMs)} (runs ${r.http.map((x) => ms(x.ms)).join(', ')}; first byte ${ms(median(r.http.map((x) => x.firstByte)))}; app CPU ${appCpu(r.http)})`);
    if (psql) {
      const copyMs = median(r.psql.map((x) => x.ms));
      const overheadMs = median(r.overhead);
      console.log(`  psql \\copy of the same query to /dev/null: median ${ms(copyMs)} (runs ${r.psql.map((x) => ms(x.ms)).join(', ')}; ${count(r.psql[0].rows)} rows), of which starting psql, connecting and setting the values ${ms(overheadMs)}`);
      const ratio = httpMs / copyMs;
      console.log(`  ratio HTTP / psql \\copy: ${ratio.toFixed(2)} (goal <= 1.2: ${ratio <= 1.2 ? 'met' : 'NOT met'}); against the COPY alone (psql's start and connection taken off): ${(httpMs / Math.max(1, copyMs - overheadMs)).toFixed(2)}`);
      verdicts.push([`${label}: HTTP / \\copy <= 1.2`, ratio.toFixed(2), ratio <= 1.2]);
    }
    console.log(`  app RSS: idle ${mb(worst.idle)}, peak ${mb(worst.peak)}, peak - idle ${mb(worst.peak - worst.idle)} (per run: ${r.http.map((x) => mb(x.peak - x.idle)).join(', ')}; at rest after: ${r.http.map((x) => mb(x.after)).join(', ')})`);
    verdicts.push([`${label}: peak RSS - idle < 100 MB`, mb(worst.peak - worst.idle), worst.peak - worst.idle < 100 * MB]);
  }

  const xw = xlsx.http.reduce((a, b) => (b.peak - b.idle > a.peak - a.idle ? b : a));
  console.log(`\nstock card, ${count(seed.xlsx.movements)} movements, XLSX: ${mb(xlsx.http[0].bytes)}; median ${ms(median(xlsx.http.map((x) => x.ms)))} (runs ${xlsx.http.map((x) => ms(x.ms)).join(', ')}; app CPU ${appCpu(xlsx.http)})`);
  console.log(`  app RSS: idle ${mb(xw.idle)}, peak ${mb(xw.peak)}, peak - idle ${mb(xw.peak - xw.idle)} (per run: ${xlsx.http.map((x) => mb(x.peak - x.idle)).join(', ')}; at rest after: ${xlsx.http.map((x) => mb(x.after)).join(', ')})`);
  verdicts.push(['XLSX: peak RSS - idle < 100 MB', mb(xw.peak - xw.idle), xw.peak - xw.idle < 100 * MB]);

  console.log(`\n4W preview (JSON, first page), ${PREVIEW_REQUESTS} requests one at a time: p50 ${ms(percentile(preview, 50))}, p95 ${ms(percentile(preview, 95))}`);
  const p95 = percentile(overview, 95);
  console.log(`GET /api/v1/overview, ${OVERVIEW_REQUESTS} requests, ${OVERVIEW_CONCURRENCY} at a time: p50 ${ms(percentile(overview, 50))}, p95 ${ms(p95)}, p99 ${ms(percentile(overview, 99))} (goal p95 < 150 ms: ${p95 < 150 ? 'met' : 'NOT met'})`);
  verdicts.push(['overview p95 < 150 ms', ms(p95), p95 < 150]);
  if (!psql) console.log(`\n${PSQL} not found (apt-get install -y postgresql-client): no \\copy baseline, no ratios`);

  console.log(`\ngoals:`);
  for (const [goal, value, met] of verdicts) console.log(`  ${met ? 'met    ' : 'MISSED '} ${goal}: ${value}`);
  console.log(`load average at end (1, 5, 15 min): ${loadAverage()}; whole run ${(seconds / 60).toFixed(1)} min`);
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
