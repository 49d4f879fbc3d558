import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import request from 'supertest';
import { FOUR_W_COLUMNS, REPORT_IDS } from '@relief-ledger/domain';
import { parseCsv } from './utils/csv';
import { Client, signedIn } from './utils/session';
import { RunningApi, startApi } from './utils/start-api';
import { createTestDatabase, TestDatabase } from './utils/test-database';

/** A supertest request whose body is read as raw bytes (CSV, XLSX), whatever the content type. */
function binary(test: request.Test): request.Test {
  return test.buffer(true).parse((res, done) => {
    const chunks: Buffer[] = [];
    res.on('data', (chunk: Buffer) => chunks.push(chunk));
    res.on('end', () => done(null, Buffer.concat(chunks)));
  });
}

/** Issue 10: the reports managers hand to donors and the cluster, and the overview. */
describe('reports and the overview', () => {
  let db: TestDatabase;
  let api: RunningApi;
  let manager: Client;
  let coordinator: Client;
  let field: Client;
  let refs: { hro: string; warehouse: string; food: string; blanket: string; atmehCamp: string; location: string; user: string };

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startApi({ databaseUrl: db.url, env: { DEMO_DATA: 'true' } });
    [manager, coordinator, field] = await Promise.all(['manager', 'coordinator', 'field'].map((role) => signedIn(api, `${role}@hro.example`)));
    const one = async (sql: string) => (await db.query<{ id: string }>(sql))[0].id;
    refs = {
      hro: await one(`SELECT id FROM organisations WHERE short_code = 'HRO'`),
      warehouse: await one(`SELECT id FROM stock_points WHERE name = 'Sarmada warehouse'`),
      food: await one(`SELECT id FROM items WHERE code = 'FOOD-PARCEL'`),
      blanket: await one(`SELECT id FROM items WHERE code = 'BLANKET'`),
      atmehCamp: await one(`SELECT id FROM camps WHERE name_en = 'Atmeh border camp (new)'`),
      location: await one(`SELECT id FROM locations WHERE pcode = 'SY07030101'`),
      user: await one(`SELECT id FROM users WHERE email = 'coordinator@hro.example'`),
    };
  });

  afterAll(async () => {
    await api?.stop();
    await db?.drop();
  });

  const csvOf = async (path: string) => {
    const res = await binary(manager.get(path)).expect(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    return (res.body as Buffer).toString('utf8');
  };

  describe('the 4W', () => {
    it('carries two header rows, the second exactly the HXL hashtags, and sums to the distributions', async () => {
      const text = await csvOf('/api/v1/reports/4w?format=csv&from=2019-01-01');
      expect(text.startsWith('\uFEFF')).toBe(true);
      const [human, hxl, ...rows] = parseCsv(text.slice(1));
      expect(human).toEqual(FOUR_W_COLUMNS.map((c) => c.header));
      expect(hxl).toEqual([
        '#org+impl+name', '#org+impl+acronym', '#sector+cluster+name', '#activity+name', '#item+name', '#item+code', '#output+num', '#reached+ind',
        '#reached+hh', '#adm1+name', '#adm1+code', '#adm2+name', '#adm2+code', '#adm3+name', '#adm3+code', '#loc+name', '#date+start', '#date+end',
        '#status', '#date+updated', '#meta+id',
      ]);
      const sum = (column: string) => rows.reduce((total, row) => total + Number(row[hxl.indexOf(column)]), 0);
      const [expected] = await db.query<{ quantity: string; people: string; households: string }>(
        `SELECT sum(quantity) AS quantity, sum(people) AS people, sum(households) AS households FROM distributions WHERE organisation_id = $1`,
        [refs.hro],
      );
      expect({ quantity: sum('#output+num'), people: sum('#reached+ind'), households: sum('#reached+hh') }).toEqual({
        quantity: Number(expected.quantity),
        people: Number(expected.people),
        households: Number(expected.households),
      });
      expect(new Set(rows.map((r) => r[1]))).toEqual(new Set(['HRO']));
    });

    it('puts a distribution at 23:30 UTC on 31 December 2019 (01:30 in Idlib, UTC+2 then) in January 2020', async () => {
      const camp = (await coordinator.post('/api/v1/camps').send({ locationId: refs.location, nameEn: 'مخيم الأمل', nameAr: 'مخيم الأمل', population: 50, households: 10, capacity: 60 }).expect(201)).body;
      await coordinator.post('/api/v1/stock/receipts').send({ stockPointId: refs.warehouse, itemId: refs.blanket, quantity: 7, reference: 'New year' }).expect(201);
      await field
        .post('/api/v1/distributions')
        .send({ clientId: randomUUID(), campId: camp.id, itemId: refs.blanket, stockPointId: refs.warehouse, quantity: 7, households: 7, people: 30, distributedAt: '2019-12-31T23:30:00Z' })
        .expect(201);
      const text = await csvOf(`/api/v1/reports/4w?format=csv&from=2019-12-01&to=2020-01-31&level=camp&campId=${camp.id}`);
      const [, hxl, ...rows] = parseCsv(text.slice(1));
      expect(rows).toHaveLength(1);
      const cell = (tag: string) => rows[0][hxl.indexOf(tag)];
      expect([cell('#date+start'), cell('#date+end'), cell('#output+num')]).toEqual(['2020-01-01', '2020-01-01', '7']);
      // An Arabic name comes back as it went in (UTF-8 with a byte-order mark).
      expect(cell('#loc+name')).toBe('مخيم الأمل');
    });

    it('aggregates by the admin level asked for, never below it', async () => {
      const page = (await manager.get('/api/v1/reports/4w?from=2019-01-01&level=governorate&pageSize=100').expect(200)).body;
      expect(page.rows.every((r: Record<string, unknown>) => r.adm2Code === null && r.adm3Code === null && r.camp === null)).toBe(true);
      const byDistrict = (await manager.get('/api/v1/reports/4w?from=2019-01-01&level=district&pcode=SY0703&pageSize=100').expect(200)).body;
      expect(new Set(byDistrict.rows.map((r: Record<string, unknown>) => r.adm2Code))).toEqual(new Set(['SY0703']));
    });
  });

  describe('formats', () => {
    const trap = '=HYPERLINK("http://x","y")';

    beforeAll(async () => {
      const camp = (await coordinator.post('/api/v1/camps').send({ locationId: refs.location, nameEn: trap, nameAr: 'فخ', population: 10, households: 2, capacity: 10 }).expect(201)).body;
      await coordinator.post('/api/v1/stock/receipts').send({ stockPointId: refs.warehouse, itemId: refs.blanket, quantity: 3, reference: 'trap' }).expect(201);
      await field.post('/api/v1/distributions').send({ clientId: randomUUID(), campId: camp.id, itemId: refs.blanket, stockPointId: refs.warehouse, quantity: 3, households: 2, people: 10 }).expect(201);
    });

    it('neutralises a formula in a CSV cell', async () => {
      const text = await csvOf('/api/v1/reports/4w?format=csv&level=camp');
      expect(text).toContain(`"'=HYPERLINK(""http://x"",""y"")"`);
      expect(text).not.toMatch(/(^|,)=HYPERLINK/m);
    });

    it('writes a real workbook: text as text (never a formula), numbers as numbers, frozen header rows', async () => {
      const res = await binary(manager.get('/api/v1/reports/4w?format=xlsx&level=camp')).expect(200);
      expect(res.headers['content-disposition']).toMatch(/^attachment; filename="relief-ledger_4w_.*\.xlsx"$/);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load((res.body as Buffer).buffer.slice((res.body as Buffer).byteOffset, (res.body as Buffer).byteOffset + (res.body as Buffer).byteLength) as ArrayBuffer);
      const sheet = workbook.worksheets[0];
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
      expect(sheet.getRow(2).getCell(1).value).toBe('#org+impl+name');
      const campColumn = FOUR_W_COLUMNS.findIndex((c) => c.key === 'camp') + 1;
      const trapRow = sheet.getRows(3, sheet.rowCount - 2)!.find((row) => row.getCell(campColumn).value === trap)!;
      expect(trapRow.getCell(campColumn).type).toBe(ExcelJS.ValueType.String);
      expect(typeof trapRow.getCell(FOUR_W_COLUMNS.findIndex((c) => c.key === 'quantity') + 1).value).toBe('number');
      expect(trapRow.getCell(FOUR_W_COLUMNS.findIndex((c) => c.key === 'dateStart') + 1).value).toBeInstanceOf(Date);
    });

    it('pages JSON with the totals of all rows', async () => {
      const all = (await manager.get('/api/v1/reports/4w?from=2019-01-01&pageSize=1000').expect(200)).body;
      const first = (await manager.get('/api/v1/reports/4w?from=2019-01-01&pageSize=2&page=2').expect(200)).body;
      expect(first).toMatchObject({ page: 2, pageSize: 2, total: all.total, totals: all.totals, zone: 'Asia/Damascus', organisation: { shortCode: 'HRO' } });
      expect(first.rows).toEqual(all.rows.slice(2, 4));
    });

    it('refuses filters a report does not take, a missing required one, and a period backwards', async () => {
      expect((await manager.get('/api/v1/reports/4w?donor=WFP').expect(400)).body.errors).toMatchObject([{ field: 'donor', reason: 'is not a filter of this report (4w)', code: 'field.not_a_filter', params: { report: '4w' } }]);
      expect((await manager.get('/api/v1/reports/stock-card').expect(400)).body.errors.map((e: { field: string }) => e.field)).toEqual(['stockPointId', 'itemId']);
      expect((await manager.get('/api/v1/reports/4w?from=2020-02-01&to=2020-01-01').expect(400)).body.errors[0].field).toBe('from');
      expect((await manager.get('/api/v1/reports/nope').expect(400)).body.errors[0].field).toBe('report');
    });

    it('writes one audit row per download: who, which report, which filters, how many rows', async () => {
      await csvOf('/api/v1/reports/receipts-by-donor?format=csv&from=2019-01-01&donor=WFP');
      await new Promise((resolve) => setTimeout(resolve, 200));
      const [row] = await db.query<{ entity_id: string; changed_fields: string[]; email: string }>(
        `SELECT a.entity_id, a.changed_fields, u.email FROM audit_log a JOIN users u ON u.id = a.user_id WHERE a.action = 'export' ORDER BY a.id DESC LIMIT 1`,
      );
      expect(row).toMatchObject({ entity_id: 'receipts-by-donor', email: 'manager@hro.example' });
      expect(row.changed_fields).toEqual(expect.arrayContaining(['format=csv', 'from=2019-01-01', 'donor=WFP', expect.stringMatching(/^rows=\d+$/)]));
    });
  });

  describe('stock', () => {
    it('keeps opening + movements = closing on every row, and both match the ledger, over random ledgers', async () => {
      const kinds = ['receipt', 'transfer_in', 'transfer_out', 'distribution', 'loss', 'adjustment'] as const;
      const movement = fc.record({
        kind: fc.constantFrom(...kinds),
        quantity: fc.integer({ min: 1, max: 500 }),
        // Between 1 November 2019 and the end of February 2020.
        at: fc.integer({ min: Date.UTC(2019, 10, 1), max: Date.UTC(2020, 1, 29) }),
      });
      const period = fc.tuple(fc.integer({ min: 0, max: 110 }), fc.integer({ min: 0, max: 40 })).map(([start, length]) => {
        const from = new Date(Date.UTC(2019, 10, 1) + start * 86_400_000).toISOString().slice(0, 10);
        const to = new Date(Date.UTC(2019, 10, 1) + (start + length) * 86_400_000).toISOString().slice(0, 10);
        return { from, to };
      });
      let run = 0;
      await fc.assert(
        fc.asyncProperty(fc.array(fc.array(movement, { maxLength: 25 }), { minLength: 1, maxLength: 3 }), period, async (ledgers, { from, to }) => {
          const name = `Random ledger ${++run} ${randomUUID().slice(0, 8)}`;
          const [point] = await db.query<{ id: string }>(
            `INSERT INTO stock_points (organisation_id, location_id, name, kind) VALUES ($1, $2, $3, 'warehouse') RETURNING id`,
            [refs.hro, refs.location, name],
          );
          const items = await db.query<{ id: string }>(`SELECT id FROM items ORDER BY code LIMIT $1`, [ledgers.length]);
          for (const [n, moves] of ledgers.entries()) await writeLedger(point.id, items[n].id, moves);
          const page = (await manager.get(`/api/v1/reports/stock-movements?from=${from}&to=${to}&stockPointId=${point.id}&pageSize=100`).expect(200)).body;
          const [start, end] = await db.query<{ t: Date }>(
            `SELECT ($1::date::timestamp AT TIME ZONE 'Asia/Damascus') AS t UNION ALL SELECT (($2::date + 1)::timestamp AT TIME ZONE 'Asia/Damascus')`,
            [from, to],
          );
          for (const item of items) {
            const sums = (await db.query<{ before: string; until: string }>(
              `SELECT coalesce(sum(quantity) FILTER (WHERE recorded_at < $3), 0) AS before, coalesce(sum(quantity) FILTER (WHERE recorded_at < $4), 0) AS until
               FROM stock_movements WHERE stock_point_id = $1 AND item_id = $2`,
              [point.id, item.id, start.t, end.t],
            ))[0];
            const code = (await db.query<{ code: string }>(`SELECT code FROM items WHERE id = $1`, [item.id]))[0].code;
            const row = page.rows.find((r: { itemCode: string }) => r.itemCode === code);
            if (!row) {
              expect(Number(sums.before)).toBe(0);
              expect(Number(sums.until)).toBe(0);
              continue;
            }
            const losses = row.lossDestroyed + row.lossLooted + row.lossSpoiled + row.lossMissing;
            expect(row.opening + row.receipts + row.transfersIn - row.transfersOut - row.distributed - losses + row.adjustments).toBe(row.closing);
            expect([row.opening, row.closing]).toEqual([Number(sums.before), Number(sums.until)]);
          }
        }),
        { numRuns: 25 },
      );
    });

    /** A ledger written straight into the tables, with the times a test needs; the level is its sum, never below zero. */
    async function writeLedger(point: string, item: string, moves: Array<{ kind: string; quantity: number; at: number }>): Promise<void> {
      let level = 0;
      const rows = [...moves]
        .sort((a, b) => a.at - b.at)
        .flatMap((m) => {
          const inflow = ['receipt', 'transfer_in'].includes(m.kind) || (m.kind === 'adjustment' && m.quantity % 2 === 0);
          const delta = inflow ? m.quantity : -Math.min(m.quantity, level);
          if (delta === 0) return [];
          level += delta;
          return [{ ...m, delta }];
        });
      await db.query(`INSERT INTO stock_levels (stock_point_id, item_id, organisation_id, quantity) VALUES ($1, $2, $3, $4)`, [point, item, refs.hro, level]);
      for (const m of rows) {
        await db.query(
          `INSERT INTO stock_movements (organisation_id, stock_point_id, item_id, kind, quantity, loss_cause, reason, transfer_id, recorded_by, recorded_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
          [
            refs.hro, point, item, m.kind, m.delta,
            m.kind === 'loss' ? ['destroyed', 'looted', 'spoiled', 'missing'][m.quantity % 4] : null,
            m.kind === 'adjustment' ? 'count' : null,
            m.kind.startsWith('transfer') ? randomUUID() : null,
            refs.user, new Date(m.at),
          ],
        );
      }
    }

    it('gives a stock card from the opening balance to the closing one, with a running balance', async () => {
      const page = (await manager.get(`/api/v1/reports/stock-card?stockPointId=${refs.warehouse}&itemId=${refs.blanket}&pageSize=1000`).expect(200)).body;
      const rows = page.rows as Array<{ kind: string; quantityIn: number | null; quantityOut: number | null; balance: number }>;
      expect(rows[0].kind).toBe('Opening balance');
      expect(rows.at(-1)!.kind).toBe('Closing balance');
      let balance = rows[0].balance;
      for (const row of rows.slice(1, -1)) {
        balance += (row.quantityIn ?? 0) - (row.quantityOut ?? 0);
        expect(row.balance).toBe(balance);
      }
      const [level] = await db.query<{ quantity: string }>(`SELECT quantity FROM stock_levels WHERE stock_point_id = $1 AND item_id = $2`, [refs.warehouse, refs.blanket]);
      expect(rows.at(-1)!.balance).toBe(Number(level.quantity));
    });

    it('sums receipts by donor', async () => {
      const page = (await manager.get('/api/v1/reports/receipts-by-donor?from=2019-01-01&pageSize=100').expect(200)).body;
      const donors = new Set(page.rows.map((r: { donor: string }) => r.donor));
      expect([...donors]).toEqual(expect.arrayContaining(['WFP', 'UNHCR', 'ECHO']));
      expect(page.rows.find((r: { donor: string; itemCode: string }) => r.donor === 'WFP' && r.itemCode === 'FOOD-PARCEL').quantity).toBe(22_000);
    });

    it('suggests donors used before, most used first', async () => {
      expect((await coordinator.get('/api/v1/stock/donors?q=w').expect(200)).body).toEqual(['WFP']);
      expect((await coordinator.get('/api/v1/stock/donors').expect(200)).body).toEqual(expect.arrayContaining(['WFP', 'UNHCR', 'ECHO']));
    });
  });

  describe('the organisation boundary', () => {
    const theirs = ['Kids Paradise Sarmada store', 'Sarmada north camp', 'Kids Paradise winter kits', 'WINTER-KIT', 'UNICEF'];

    it.each(REPORT_IDS.filter((id) => id !== 'stock-card'))("never shows another organisation's records in the %s (JSON and CSV)", async (report) => {
      const filters = report === 'stock-on-hand' ? '' : 'from=2019-01-01';
      const json = JSON.stringify((await manager.get(`/api/v1/reports/${report}?${filters}&pageSize=5000`).expect(200)).body);
      const csv = await csvOf(`/api/v1/reports/${report}?${filters}&format=csv`);
      for (const name of theirs) {
        expect(json).not.toContain(name);
        expect(csv).not.toContain(name);
      }
      if (report !== 'incidents') expect(json).not.toContain('Kids Paradise');
    });

    it("gives an empty stock card for another organisation's store", async () => {
      const [kp] = await db.query<{ id: string }>(`SELECT id FROM stock_points WHERE name = 'Kids Paradise Sarmada store'`);
      const winterKit = (await db.query<{ id: string }>(`SELECT id FROM items WHERE code = 'WINTER-KIT'`))[0].id;
      const page = (await manager.get(`/api/v1/reports/stock-card?stockPointId=${kp.id}&itemId=${winterKit}&from=2019-01-01`).expect(200)).body;
      expect(page).toMatchObject({ total: 0, rows: [] });
    });

    it('lets a manager pull a report with a personal API token, and see only their own tokens', async () => {
      const token = (await manager.post('/api/v1/api-tokens').send({ name: 'Donor script' }).expect(201)).body.token;
      await request(api.url).get('/api/v1/reports/convoy-log').set('Authorization', `Bearer ${token}`).expect(200);
      const admin = await signedIn(api, 'admin@hro.example');
      await admin.post('/api/v1/api-tokens').send({ name: 'Admin script' }).expect(201);
      const mine = (await manager.get('/api/v1/api-tokens').expect(200)).body.items.map((t: { name: string }) => t.name);
      expect(mine).toEqual(['Donor script']);
      const all = (await admin.get('/api/v1/api-tokens').expect(200)).body.items.map((t: { name: string }) => t.name);
      expect(all).toEqual(expect.arrayContaining(['Donor script', 'Admin script']));
    });

    it('keeps reports from field staff and admins', async () => {
      await field.get('/api/v1/reports/4w').expect(403);
      await (await signedIn(api, 'admin@hro.example')).get('/api/v1/reports/4w').expect(403);
    });
  });

  describe('a client that goes away', () => {
    it('frees the connection of an aborted CSV download at once: the next requests answer', async () => {
      // A busy stock card: 100,000 movements of one item at a store of its own.
      const [point] = await db.query<{ id: string }>(`INSERT INTO stock_points (organisation_id, location_id, name, kind) VALUES ($1, $2, 'Busy store', 'warehouse') RETURNING id`, [refs.hro, refs.location]);
      await db.query(`INSERT INTO stock_levels (stock_point_id, item_id, organisation_id, quantity) VALUES ($1, $2, $3, 100000)`, [point.id, refs.food, refs.hro]);
      await db.query(
        `INSERT INTO stock_movements (organisation_id, stock_point_id, item_id, kind, quantity, reference, recorded_by, recorded_at)
         SELECT $1, $2, $3, 'receipt', 1, 'receipt ' || n, $4, now() - interval '1 day' + n * interval '1 ms' FROM generate_series(1, 100000) n`,
        [refs.hro, point.id, refs.food, refs.user],
      );
      const cookie = await import('./utils/session').then((s) => s.signIn(api, 'manager@hro.example'));
      const url = `${api.url}/api/v1/reports/stock-card?format=csv&stockPointId=${point.id}&itemId=${refs.food}`;
      // More aborted downloads than the pool has connections (10): one leaked connection each would hang the next request.
      for (let i = 0; i < 12; i++) {
        await new Promise<void>((resolve, reject) => {
          const req = http.get(url, { headers: { cookie } }, (res) => {
            res.once('data', () => {
              req.destroy();
              resolve();
            });
          });
          req.on('error', (error) => (req.destroyed ? resolve() : reject(error)));
        });
      }
      const started = Date.now();
      await manager.get('/api/v1/reports/convoy-log').expect(200);
      await manager.get('/api/v1/overview').expect(200);
      expect(Date.now() - started).toBeLessThan(3_000);
      // And no COPY is left running on the server.
      await new Promise((resolve) => setTimeout(resolve, 500));
      const copies = await db.query(`SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'COPY%' AND state = 'active'`);
      expect(copies).toHaveLength(0);
      // The aborted downloads are audited as such.
      expect(await db.count(`audit_log WHERE action = 'export' AND 'format=csv (aborted)' = ANY(changed_fields)`)).toBe(12);
    });
  });

  describe('the overview', () => {
    it('shows what needs attention now, from the demo data', async () => {
      const overview = (await field.get('/api/v1/overview').expect(200)).body;
      expect(overview.zone).toBe('Asia/Damascus');
      expect(overview.windows.inForce.map((w: { announcedBy: string }) => w.announcedBy)).toEqual(['Local council and the parties, notified to OCHA']);
      expect(overview.convoys.own.map((c: { name: string }) => c.name)).toEqual(['Parcels to Atmeh', 'Blankets to Idlib east']);
      expect(overview.convoys.othersByStatus).toEqual({ departed: 1 });
      expect(JSON.stringify(overview.convoys)).not.toContain('Kids Paradise');
      // Worst first: the olive grove camp's last parcels were 40 days ago.
      expect(overview.camps[0]).toMatchObject({ nameEn: 'Sarmada olive grove camp', foodDaysLeft: 0 });
      expect(overview.camps.map((c: { nameEn: string }) => c.nameEn)).not.toContain('Sarmada north camp');
      const atmeh = overview.camps.find((c: { nameEn: string }) => c.nameEn === 'Atmeh border camp (new)');
      expect(atmeh.shelter).toMatchObject({ tentsOnSite: 500, tentsNeeded: 340 });
      expect(overview.stockAlerts).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ stockPointName: 'Atmeh camp store', itemCode: 'FOOD-PARCEL', level: 0, reason: 'empty_while_camps_short', shortCamps: ['Atmeh border camp (new)'] }),
          expect.objectContaining({ stockPointName: 'Sarmada warehouse', itemCode: 'BLANKET', reason: 'low_cover', thresholdDays: 7 }),
        ]),
      );
      expect(overview.peopleReached.days).toHaveLength(14);
      expect(overview.peopleReached.lastWeek + overview.peopleReached.thisWeek).toBe(
        overview.peopleReached.days.reduce((sum: number, d: { people: number }) => sum + d.people, 0),
      );
      expect(overview.sphere.personsPerFamilyTent).toBe(5);
    });
  });
});

