import { randomUUID } from 'node:crypto';
import { Client, signedIn } from './utils/session';
import { RunningApi, startApi } from './utils/start-api';
import { createTestDatabase, TestDatabase } from './utils/test-database';

const HEADER = 'client_id,camp_id,item_code,stock_point_id,quantity,households,people,distributed_at,notes';

describe('CSV import of distributions', () => {
  let db: TestDatabase;
  let api: RunningApi;
  let coordinator: Client;
  let refs: { warehouse: string; camps: string[] };

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startApi({ databaseUrl: db.url, env: { DEMO_DATA: 'true' } });
    coordinator = await signedIn(api, 'coordinator@hro.example');
    refs = {
      warehouse: (await db.query<{ id: string }>(`SELECT id FROM stock_points WHERE name = 'Sarmada warehouse'`))[0].id,
      camps: (await db.query<{ id: string }>(`SELECT c.id FROM camps c JOIN organisations o ON o.id = c.organisation_id WHERE o.short_code = 'HRO' ORDER BY c.name_en`)).map((c) => c.id),
    };
    // Enough parcels for the 20,000-package day on top of the demo's.
    await coordinator.post('/api/v1/stock/receipts').send({ stockPointId: refs.warehouse, itemId: await itemId('FOOD-PARCEL'), quantity: 40_000, reference: 'test' }).expect(201);
  });

  afterAll(async () => {
    await api?.stop();
    await db?.drop();
  });

  async function itemId(code: string) {
    return (await db.query<{ id: string }>(`SELECT id FROM items WHERE code = $1`, [code]))[0].id;
  }

  const parcels = `(SELECT id FROM items WHERE code = 'FOOD-PARCEL')`;
  const level = async () => Number((await db.query<{ quantity: string }>(`SELECT quantity FROM stock_levels WHERE stock_point_id = $1 AND item_id = ${parcels}`, [refs.warehouse]))[0].quantity);
  const ledgerSum = async () =>
    Number((await db.query<{ sum: string }>(`SELECT sum(quantity) AS sum FROM stock_movements WHERE stock_point_id = $1 AND item_id = ${parcels}`, [refs.warehouse]))[0].sum);

  function csv(rows: number, edit?: (i: number, fields: string[]) => void): { text: string; ids: string[] } {
    const ids: string[] = [];
    const lines = [HEADER];
    for (let i = 0; i < rows; i++) {
      const id = randomUUID();
      ids.push(id);
      const fields = [id, refs.camps[i % refs.camps.length], 'FOOD-PARCEL', refs.warehouse, '1', '1', '5', '2019-12-26T09:00:00+02:00', i % 100 === 0 ? '"Sarmada, north gate"' : ''];
      edit?.(i, fields);
      lines.push(fields.join(','));
    }
    return { text: lines.join('\r\n') + '\r\n', ids };
  }

  const upload = (text: string) => coordinator.post('/api/v1/distributions/import').set('content-type', 'text/csv').send(text);

  it('writes nothing from a file of 20,000 rows with one bad row, and names the row', async () => {
    const before = { level: await level(), distributions: await db.count('distributions'), movements: await db.count('stock_movements') };
    const { text } = csv(20_000, (i, fields) => {
      if (i === 12_344) fields[4] = '-3';
    });
    const res = await upload(text).expect(422);
    expect(res.body).toMatchObject({ code: 'distribution.import_invalid', detail: expect.stringContaining('1 problem') });
    // Line 1 is the header: data row i is on line i + 2.
    expect(res.body.errors).toMatchObject([expect.objectContaining({ row: 12_346, column: 'quantity', reason: 'must be a whole number of at least 1' })]);
    expect({ level: await level(), distributions: await db.count('distributions'), movements: await db.count('stock_movements') }).toEqual(before);
  });

  it('reports every bad row with its column and reason', async () => {
    const { text } = csv(5, (i, fields) => {
      if (i === 0) fields[1] = 'camp-one';
      if (i === 2) fields[2] = 'TENTS';
      if (i === 3) fields[6] = '0';
      if (i === 4) fields[7] = '26/12/2019';
    });
    const res = await upload(text).expect(422);
    expect(res.body.errors.map((e: { row: number; column: string }) => [e.row, e.column])).toEqual([
      [2, 'camp_id'],
      [5, 'people'],
      [6, 'distributed_at'],
      [4, 'item_code'],
    ]);
  });

  it('imports 20,000 rows in one go, drawing the stock once per stock point and item, with one ledger movement for them', async () => {
    const before = await level();
    const { text, ids } = csv(20_000);
    const res = await upload(text).expect(201);
    expect(res.body).toEqual({ imported: 20_000, skipped: 0 });
    expect(await level()).toBe(before - 20_000);
    const [row] = await db.query<{ n: string; imports: string; import_id: string; most_left: string; least_left: string; notes: string }>(
      `SELECT count(*) AS n, count(DISTINCT import_id) AS imports, min(import_id::text) AS import_id, max(stock_left) AS most_left, min(stock_left) AS least_left,
              (SELECT notes FROM distributions WHERE client_key = $2) AS notes
       FROM distributions WHERE client_key = ANY($1)`,
      [ids, ids[0]],
    );
    // Each row still says what was left right after it, in file order.
    expect({ n: Number(row.n), imports: Number(row.imports), mostLeft: Number(row.most_left), leastLeft: Number(row.least_left), notes: row.notes }).toEqual({
      n: 20_000,
      imports: 1,
      mostLeft: before - 1,
      leastLeft: before - 20_000,
      notes: 'Sarmada, north gate',
    });

    // The level changed with one movement that explains it, tied to the rows and the audit entry.
    const importId = row.import_id;
    const ledger = (await coordinator.get(`/api/v1/stock-points/${refs.warehouse}/ledger?itemId=${await itemId('FOOD-PARCEL')}`).expect(200)).body;
    expect(ledger.items[0]).toMatchObject({ kind: 'distribution', quantity: -20_000, balance: before - 20_000, reference: `CSV import ${importId}, 20000 rows`, importId, distributionId: null });
    expect(await db.count(`stock_movements WHERE import_id = '${importId}'`)).toBe(1);
    expect(await ledgerSum()).toBe(await level());
    expect(await db.count(`audit_log WHERE action = 'import' AND entity_id = '${importId}'`)).toBe(1);

    // The same file again records nothing twice.
    const movements = await db.count('stock_movements');
    const again = await upload(text).expect(201);
    expect(again.body).toEqual({ imported: 0, skipped: 20_000 });
    expect(await level()).toBe(before - 20_000);
    expect(await db.count('stock_movements')).toBe(movements);
  }, 60_000);

  it('refuses a file that needs more stock than there is, writing nothing', async () => {
    const before = await level();
    const { text } = csv(3, (_i, fields) => {
      fields[4] = String(before);
    });
    const res = await upload(text).expect(409);
    expect(res.body.detail).toBe(`Only ${before.toLocaleString('en')} available at this stock point; ${(before * 3).toLocaleString('en')} requested`);
    expect(res.body.params).toEqual({ available: before, requested: before * 3 });
    expect(await level()).toBe(before);
  });

  it('refuses a file without the required columns, or not as CSV', async () => {
    const res = await upload('client_id,quantity\r\nx,1\r\n').expect(422);
    expect(res.body.errors.map((e: { column: string }) => e.column)).toEqual(['camp_id', 'item_code', 'stock_point_id', 'households', 'people', 'distributed_at']);
    await coordinator.post('/api/v1/distributions/import').send({ rows: [] }).expect(415);
  });
});
