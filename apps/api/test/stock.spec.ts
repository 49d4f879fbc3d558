import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import type { MovementResponse } from '@relief-ledger/domain';
import { Client, signedIn } from './utils/session';
import { RunningApi, startApi } from './utils/start-api';
import { createTestDatabase, TestDatabase } from './utils/test-database';

describe('stock ledger and distributions', () => {
  let db: TestDatabase;
  let api: RunningApi;
  let coordinator: Client;
  let field: Client;
  let ids: { sarmada: string; atmehCamp: string; tent: string; food: string; blanket: string };
  let points = 0;

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startApi({ databaseUrl: db.url, env: { DEMO_DATA: 'true' } });
    coordinator = await signedIn(api, 'coordinator@hro.example');
    field = await signedIn(api, 'field@hro.example');
    const one = async (sql: string) => (await db.query<{ id: string }>(sql))[0].id;
    ids = {
      sarmada: await one(`SELECT id FROM locations WHERE pcode = 'SY07030101'`),
      atmehCamp: await one(`SELECT id FROM camps WHERE name_en = 'Atmeh border camp (new)'`),
      tent: await one(`SELECT id FROM items WHERE code = 'TENT-FAMILY'`),
      food: await one(`SELECT id FROM items WHERE code = 'FOOD-PARCEL'`),
      blanket: await one(`SELECT id FROM items WHERE code = 'BLANKET'`),
    };
  });

  afterAll(async () => {
    await api?.stop();
    await db?.drop();
  });

  async function newPoint(receive?: { itemId: string; quantity: number }): Promise<string> {
    const point = (await coordinator.post('/api/v1/stock-points').send({ name: `Test store ${++points}`, kind: 'warehouse', locationId: ids.sarmada }).expect(201)).body.id;
    if (receive) await coordinator.post('/api/v1/stock/receipts').send({ stockPointId: point, ...receive, reference: 'test' }).expect(201);
    return point;
  }

  const level = async (point: string, item: string) =>
    Number((await db.query<{ quantity: string }>(`SELECT quantity FROM stock_levels WHERE stock_point_id = $1 AND item_id = $2`, [point, item]))[0]?.quantity ?? 0);
  const ledgerSum = async (point: string, item: string) =>
    Number((await db.query<{ sum: string | null }>(`SELECT sum(quantity) AS sum FROM stock_movements WHERE stock_point_id = $1 AND item_id = $2`, [point, item]))[0].sum ?? 0);

  const distribution = (point: string, quantity: number, clientId = randomUUID()) => ({
    clientId,
    campId: ids.atmehCamp,
    itemId: ids.tent,
    stockPointId: point,
    quantity,
    households: quantity,
    people: quantity * 5,
  });
  /** All sent at once, as phones re-sending after a dropped connection would. */
  const sendAtOnce = (bodies: object[]) => Promise.all(bodies.map((body) => field.post('/api/v1/distributions').send(body)));
  /** Every answer 201 and the same distribution, whichever request recorded it. */
  const expectOneAnswer = (responses: Array<{ status: number; body: unknown }>) => {
    expect(responses.map((r) => r.status)).toEqual(Array(responses.length).fill(201));
    expect(new Set(responses.map((r) => JSON.stringify(r.body))).size).toBe(1);
  };

  it("offers no reversal of a convoy's legs or a distribution in the ledger, and the endpoint agrees", async () => {
    const [warehouse] = (await coordinator.get('/api/v1/stock-points').expect(200)).body.filter((p: { name: string }) => p.name === 'Sarmada warehouse');
    const ledger: MovementResponse[] = (await coordinator.get(`/api/v1/stock-points/${warehouse.id}/ledger?itemId=${ids.food}&pageSize=100`).expect(200)).body.items;
    const convoyLeg = ledger.find((m) => m.kind === 'transfer_out')!;
    const handedOut = ledger.find((m) => m.kind === 'distribution')!;
    expect([convoyLeg.reversible, handedOut.reversible, ledger.find((m) => m.kind === 'receipt')!.reversible]).toEqual([false, false, true]);
    for (const m of [convoyLeg, handedOut]) await coordinator.post(`/api/v1/stock/movements/${m.id}/reverse`).send({ reason: 'try' }).expect(422);
  });

  it("shows the demo stock: 20,000 parcels received, the camps' parcels drawn, 300 on the road to Atmeh", async () => {
    const [warehouse] = (await coordinator.get('/api/v1/stock-points').expect(200)).body.filter((p: { name: string }) => p.name === 'Sarmada warehouse');
    const levels = (await coordinator.get(`/api/v1/stock-points/${warehouse.id}/levels`).expect(200)).body;
    // December 2019's round, then the weeks before the first start (2,000 more from WFP, 300 to
    // the Atmeh store, a second round), then 300 on the convoy.
    const parcels = 20_000 - 840 - 610 - 370 + 2_000 - 300 - 540 - 610 - 370 - 300;
    expect(levels).toEqual(expect.arrayContaining([expect.objectContaining({ itemCode: 'FOOD-PARCEL', quantity: parcels })]));
    const ledger = (await coordinator.get(`/api/v1/stock-points/${warehouse.id}/ledger?itemId=${ids.food}`).expect(200)).body;
    const moves = ledger.items.map((m: MovementResponse) => [m.kind, m.quantity, m.balance]);
    expect(moves[0]).toEqual(['transfer_out', -300, parcels]);
    expect(moves.slice(-4)).toEqual([
      ['distribution', -370, 18_180],
      ['distribution', -610, 18_550],
      ['distribution', -840, 19_160],
      ['receipt', 20_000, 20_000],
    ]);
  });

  it("derives the new camp's coverage from the ledger: 500 tents for 840 households, two rounds of parcels", async () => {
    const res = await coordinator.get(`/api/v1/camps/${ids.atmehCamp}/coverage`).expect(200);
    expect(res.body).toEqual({
      campId: ids.atmehCamp,
      households: 840,
      population: 4_200,
      shelter: { households: 840, tentsOnSite: 500, tentsNeeded: 340, coveredShare: 500 / 840 },
      // December 2019's round and one 24 days before the first start: all food ever delivered.
      food: { population: 4_200, packages: 1_680, personDays: 252_000, days: 60 },
      sphere: { coveredSpacePerPersonM2: 3.5, kcalPerPersonPerDay: 2_100, waterLitresPerPersonPerDay: 15, personsPerFamilyTent: 5 },
    });
  });

  it('race: 50 concurrent distributions of 7 from a stock of 100 — exactly 14 succeed, the rest get 409, 2 remain', async () => {
    const point = await newPoint({ itemId: ids.tent, quantity: 100 });
    const responses = await sendAtOnce(Array.from({ length: 50 }, () => distribution(point, 7)));
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(14);
    expect(statuses.filter((s) => s === 409)).toHaveLength(36);
    const refused = responses.find((r) => r.status === 409)!;
    expect(refused.body).toMatchObject({ code: 'stock.insufficient', detail: 'Only 2 available at this stock point; 7 requested' });
    expect(await level(point, ids.tent)).toBe(2);
    const rows = await db.query(`SELECT 1 FROM stock_movements WHERE stock_point_id = $1 AND kind = 'distribution'`, [point]);
    expect(rows).toHaveLength(14);
    expect(await db.count(`distributions WHERE stock_point_id = '${point}'`)).toBe(14);
  });

  it('replay: 20 concurrent identical requests with one client id record one distribution and one movement', async () => {
    const point = await newPoint({ itemId: ids.tent, quantity: 50 });
    const body = distribution(point, 5);
    const responses = await sendAtOnce(Array(20).fill(body));
    expectOneAnswer(responses);
    expect(responses[0].body).toMatchObject({ quantity: 5, stockLeft: 45, clientId: body.clientId });
    expect(await db.count(`distributions WHERE stock_point_id = '${point}'`)).toBe(1);
    expect(await db.count(`stock_movements WHERE stock_point_id = '${point}' AND kind = 'distribution'`)).toBe(1);
    expect(await level(point, ids.tent)).toBe(45);

    const other = await field.post('/api/v1/distributions').send({ ...body, quantity: 6 }).expect(422);
    expect(other.body).toMatchObject({ code: 'idempotency.key_reused', errors: [{ field: 'clientId' }] });
    expect(await level(point, ids.tent)).toBe(45);
  });

  it('replay: identical requests racing for the last of the stock all get the one distribution, none a 409', async () => {
    const point = await newPoint({ itemId: ids.tent, quantity: 5 });
    expectOneAnswer(await sendAtOnce(Array(10).fill(distribution(point, 5))));
    expect(await level(point, ids.tent)).toBe(0);
    expect(await db.count(`distributions WHERE stock_point_id = '${point}'`)).toBe(1);
  });

  it('replay: of concurrent requests with one client id and different contents, one is recorded and the others refused', async () => {
    const point = await newPoint({ itemId: ids.tent, quantity: 100 });
    const clientId = randomUUID();
    const responses = await sendAtOnce(Array.from({ length: 8 }, (_, i) => distribution(point, i + 1, clientId)));
    const recorded = responses.filter((r) => r.status === 201);
    expect(recorded).toHaveLength(1);
    expect(responses.filter((r) => r.status === 422).map((r) => r.body.code)).toEqual(Array(7).fill('idempotency.key_reused'));
    expect(await level(point, ids.tent)).toBe(100 - recorded[0].body.quantity);
    expect(await ledgerSum(point, ids.tent)).toBe(100 - recorded[0].body.quantity);
  });

  it('takes the client id from the Idempotency-Key header too', async () => {
    const point = await newPoint({ itemId: ids.tent, quantity: 10 });
    const { clientId: _clientId, ...body } = distribution(point, 1);
    const first = await field.post('/api/v1/distributions').set('Idempotency-Key', 'phone-7-entry-42').send(body).expect(201);
    const again = await field.post('/api/v1/distributions').set('Idempotency-Key', 'phone-7-entry-42').send(body).expect(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers['idempotent-replayed']).toBe('true');
    await field.post('/api/v1/distributions').send(body).expect(400);
  });

  it('transfers: 20 concurrent transfers each way finish without deadlock and the total is unchanged', async () => {
    const a = await newPoint({ itemId: ids.blanket, quantity: 1_000 });
    const b = await newPoint({ itemId: ids.blanket, quantity: 1_000 });
    const transfer = (from: string, to: string) =>
      coordinator.post('/api/v1/stock/transfers').send({ fromStockPointId: from, toStockPointId: to, itemId: ids.blanket, quantity: 10 });
    const responses = await Promise.all(Array.from({ length: 40 }, (_, i) => (i % 2 ? transfer(a, b) : transfer(b, a))));
    expect(responses.map((r) => r.status)).toEqual(Array(40).fill(201));
    expect((await level(a, ids.blanket)) + (await level(b, ids.blanket))).toBe(2_000);
    expect(await level(a, ids.blanket)).toBe(1_000);
    expect(await db.count(`stock_movements WHERE kind IN ('transfer_out', 'transfer_in') AND stock_point_id IN ('${a}', '${b}')`)).toBe(80);
  });

  it('refuses a transfer larger than the source holds, writing neither leg', async () => {
    const a = await newPoint({ itemId: ids.blanket, quantity: 5 });
    const b = await newPoint();
    const res = await coordinator.post('/api/v1/stock/transfers').send({ fromStockPointId: a, toStockPointId: b, itemId: ids.blanket, quantity: 6 }).expect(409);
    expect(res.body.detail).toBe('Only 5 available at this stock point; 6 requested');
    expect(await level(a, ids.blanket)).toBe(5);
    expect(await level(b, ids.blanket)).toBe(0);
  });

  it('records losses with their cause, counts as adjustments, and corrects mistakes by reversal only', async () => {
    const point = await newPoint({ itemId: ids.food, quantity: 100 });
    const loss = await coordinator.post('/api/v1/stock/losses').send({ stockPointId: point, itemId: ids.food, quantity: 30, cause: 'destroyed' }).expect(201);
    expect(loss.body).toMatchObject({ kind: 'loss', quantity: -30, balance: 70, lossCause: 'destroyed' });
    const count = await coordinator.post('/api/v1/stock/adjustments').send({ stockPointId: point, itemId: ids.food, countedQuantity: 68, reason: 'monthly count' }).expect(201);
    expect(count.body).toMatchObject({ kind: 'adjustment', quantity: -2, balance: 68 });
    expect(loss.body.reversible).toBe(true);
    const reversal = await coordinator.post(`/api/v1/stock/movements/${loss.body.id}/reverse`).send({ reason: 'truck arrived after all' }).expect(201);
    expect(reversal.body).toMatchObject({ kind: 'reversal', quantity: 30, balance: 98, reversesId: loss.body.id, reversible: false });
    // The ledger offers to undo exactly what the reverse endpoint takes: not the reversal, not the loss it undid.
    const ledger = (await coordinator.get(`/api/v1/stock-points/${point}/ledger?itemId=${ids.food}`).expect(200)).body.items;
    expect(ledger.map((m: MovementResponse) => [m.kind, m.reversible])).toEqual([
      ['reversal', false],
      ['adjustment', true],
      ['loss', false],
      ['receipt', true],
    ]);
    await coordinator.post(`/api/v1/stock/movements/${loss.body.id}/reverse`).send({ reason: 'again' }).expect(422);
    await expect(db.query(`UPDATE stock_movements SET quantity = 1 WHERE id = $1`, [loss.body.id])).rejects.toThrow(/append-only/);
    await expect(db.query(`DELETE FROM stock_movements WHERE id = $1`, [loss.body.id])).rejects.toThrow(/append-only/);
    await expect(db.query(`UPDATE stock_levels SET quantity = -1 WHERE stock_point_id = $1`, [point])).rejects.toThrow(/chk_stock_levels_quantity/);
  });

  it('says when a movement happened apart from when it was recorded: a loss found the morning after, a distribution handed out earlier', async () => {
    const point = await newPoint({ itemId: ids.tent, quantity: 40 });
    const receipt = (await coordinator.get(`/api/v1/stock-points/${point}/ledger?itemId=${ids.tent}`).expect(200)).body.items[0];
    expect(receipt.occurredAt).toBe(receipt.recordedAt);
    const shelledAt = new Date(Date.now() - 8 * 3_600_000).toISOString();
    const loss = await coordinator.post('/api/v1/stock/losses').send({ stockPointId: point, itemId: ids.tent, quantity: 5, cause: 'destroyed', occurredAt: shelledAt }).expect(201);
    expect(loss.body.occurredAt).toBe(shelledAt);
    expect(new Date(loss.body.recordedAt).getTime()).toBeGreaterThan(new Date(shelledAt).getTime());
    const handedOutAt = '2019-12-23T09:00:00.000Z';
    await field.post('/api/v1/distributions').send({ ...distribution(point, 3), itemId: ids.tent, distributedAt: handedOutAt }).expect(201);
    const ledger = (await coordinator.get(`/api/v1/stock-points/${point}/ledger?itemId=${ids.tent}`).expect(200)).body.items;
    expect(ledger.map((m: MovementResponse) => [m.kind, m.occurredAt])).toEqual([
      ['distribution', handedOutAt],
      ['loss', shelledAt],
      ['receipt', receipt.recordedAt],
    ]);
    const future = new Date(Date.now() + 3 * 86_400_000).toISOString();
    const refused = await coordinator.post('/api/v1/stock/losses').send({ stockPointId: point, itemId: ids.tent, quantity: 1, cause: 'looted', occurredAt: future }).expect(400);
    expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'occurredAt' })]);
  });

  it('renames a stock point at the version read: ETag, If-Match, a stale version 409, a taken name 409, another organisation 404', async () => {
    const point = await newPoint();
    const [listed] = (await coordinator.get('/api/v1/stock-points').expect(200)).body.filter((p: { id: string }) => p.id === point);
    expect(listed.version).toBe(1);
    const renamed = await coordinator.patch(`/api/v1/stock-points/${point}`).send({ name: 'Idlib city store', version: 1 }).expect(200);
    expect(renamed.body).toMatchObject({ id: point, name: 'Idlib city store', version: 2, kind: 'warehouse' });
    expect(renamed.headers.etag).toBe('"2"');
    const stale = await coordinator.patch(`/api/v1/stock-points/${point}`).send({ name: 'Idlib store', version: 1 }).expect(409);
    expect(stale.body).toMatchObject({ code: 'stock.stale_version', params: { sent: 1, current: 2 } });
    await coordinator.patch(`/api/v1/stock-points/${point}`).set('If-Match', '"2"').send({ name: 'Idlib store' }).expect(200);
    await coordinator.patch(`/api/v1/stock-points/${point}`).send({ name: 'Idlib store again' }).expect(428);
    const taken = await coordinator.patch(`/api/v1/stock-points/${point}`).send({ name: 'sarmada WAREHOUSE', version: 3 }).expect(409);
    expect(taken.body).toMatchObject({ code: 'stock.duplicate_name', errors: [expect.objectContaining({ field: 'name' })] });
    const empty = await coordinator.patch(`/api/v1/stock-points/${point}`).send({ name: '  ', version: 3 }).expect(400);
    expect(empty.body.errors).toEqual([expect.objectContaining({ field: 'name' })]);
    await field.patch(`/api/v1/stock-points/${point}`).send({ name: 'Field store', version: 3 }).expect(403);
    const other = await signedIn(api, 'coordinator@kidsparadise.example');
    await other.patch(`/api/v1/stock-points/${point}`).send({ name: 'Not mine', version: 3 }).expect(404);
    const [audit] = await db.query<{ action: string }>(`SELECT action FROM audit_log WHERE entity = 'stock_point' AND entity_id = $1 AND action = 'update' LIMIT 1`, [point]);
    expect(audit?.action).toBe('update');
  });

  it('refuses a second stock point of the same name, whatever its case, naming the field', async () => {
    const taken = await coordinator.post('/api/v1/stock-points').send({ name: 'SARMADA warehouse', kind: 'warehouse', locationId: ids.sarmada }).expect(409);
    expect(taken.body).toMatchObject({ code: 'stock.duplicate_name', errors: [expect.objectContaining({ field: 'name' })] });
  });

  it('keeps every level equal to the sum of its movements and never negative, whatever the sequence (property)', async () => {
    const a = await newPoint();
    const b = await newPoint();
    const op = fc.oneof(
      fc.record({ kind: fc.constant('receipt' as const), at: fc.constantFrom(a, b), quantity: fc.integer({ min: 1, max: 50 }) }),
      fc.record({ kind: fc.constant('transfer' as const), at: fc.constantFrom(a, b), quantity: fc.integer({ min: 1, max: 50 }) }),
      fc.record({ kind: fc.constant('distribution' as const), at: fc.constantFrom(a, b), quantity: fc.integer({ min: 1, max: 50 }) }),
      fc.record({ kind: fc.constant('loss' as const), at: fc.constantFrom(a, b), quantity: fc.integer({ min: 1, max: 50 }) }),
      fc.record({ kind: fc.constant('reverse-last' as const), at: fc.constantFrom(a, b), quantity: fc.constant(0) }),
    );
    const lastMovement = new Map<string, string>();
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 12 }), async (ops) => {
        for (const o of ops) {
          const other = o.at === a ? b : a;
          let res;
          if (o.kind === 'receipt') res = await coordinator.post('/api/v1/stock/receipts').send({ stockPointId: o.at, itemId: ids.food, quantity: o.quantity, reference: 'p' });
          else if (o.kind === 'transfer') res = await coordinator.post('/api/v1/stock/transfers').send({ fromStockPointId: o.at, toStockPointId: other, itemId: ids.food, quantity: o.quantity });
          else if (o.kind === 'distribution') res = await field.post('/api/v1/distributions').send({ ...distribution(o.at, o.quantity), itemId: ids.food });
          else if (o.kind === 'loss') res = await coordinator.post('/api/v1/stock/losses').send({ stockPointId: o.at, itemId: ids.food, quantity: o.quantity, cause: 'spoiled' });
          else if (lastMovement.has(o.at)) res = await coordinator.post(`/api/v1/stock/movements/${lastMovement.get(o.at)}/reverse`).send({ reason: 'p' });
          if (res) {
            expect([201, 409, 422]).toContain(res.status);
            if (res.status === 201 && o.kind !== 'distribution' && o.kind !== 'transfer') lastMovement.set(o.at, res.body.id);
          }
          for (const point of [a, b]) {
            const current = await level(point, ids.food);
            expect(current).toBeGreaterThanOrEqual(0);
            expect(current).toBe(await ledgerSum(point, ids.food));
          }
        }
      }),
      { numRuns: 15 },
    );
  }, 120_000);

  it("refuses distributions of another organisation's stock point, and from managers", async () => {
    const kp = await signedIn(api, 'coordinator@kidsparadise.example');
    const point = await newPoint({ itemId: ids.tent, quantity: 10 });
    const res = await kp.post('/api/v1/distributions').send({ ...distribution(point, 1), campId: undefined, locationId: ids.sarmada }).expect(422);
    expect(res.body.errors).toMatchObject([{ field: 'stockPointId', reason: 'no stock point with this id in your organisation' }]);
    const manager = await signedIn(api, 'manager@hro.example');
    await manager.post('/api/v1/distributions').send(distribution(point, 1)).expect(403);
    expect(await level(point, ids.tent)).toBe(10);
  });

  it('lists distributions with filters and totals by camp and item', async () => {
    const page = (await coordinator.get(`/api/v1/distributions?itemId=${ids.food}&from=2019-12-01&to=2020-01-01`).expect(200)).body;
    expect(page.total).toBe(3);
    const totals = (await coordinator.get(`/api/v1/distributions/totals?itemId=${ids.food}&to=2020-01-01`).expect(200)).body;
    expect(totals).toEqual(
      expect.arrayContaining([expect.objectContaining({ campName: 'Atmeh border camp (new)', itemCode: 'FOOD-PARCEL', quantity: 840, households: 840, people: 4_200 })]),
    );
  });
});
