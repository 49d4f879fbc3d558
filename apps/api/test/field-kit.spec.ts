import type { FieldKitResponse } from '@relief-ledger/domain';
import request from 'supertest';
import { Client, signedIn } from './utils/session';
import { RunningApi, startApi } from './utils/start-api';
import { createTestDatabase, TestDatabase } from './utils/test-database';

/**
 * Issue 13: the field screens' data in one answer, so that a phone on a bad network makes one
 * request before a form can be used and has what it needs to keep offline.
 */
describe('GET /api/v1/field-kit', () => {
  let db: TestDatabase;
  let api: RunningApi;
  let field: Client;
  let kit: FieldKitResponse;

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startApi({ databaseUrl: db.url, env: { DEMO_DATA: 'true' } });
    field = await signedIn(api, 'field@hro.example');
    kit = (await field.get('/api/v1/field-kit').expect(200)).body;
  });

  afterAll(async () => {
    await api?.stop();
    await db?.drop();
  });

  const idsOf = async (sql: string, params: unknown[] = []) => (await db.query<{ id: string }>(sql, params)).map((row) => row.id);

  it("says when the server read it, in the organisation's zone", () => {
    expect(Math.abs(Date.parse(kit.asOf) - Date.now())).toBeLessThan(60_000);
    expect(kit.zone).toBe('Asia/Damascus');
  });

  it("lists the organisation's open camps with coverage, their zone and their own store", async () => {
    const open = await idsOf(`SELECT c.id FROM camps c JOIN organisations o ON o.id = c.organisation_id WHERE o.short_code = 'HRO' AND c.status <> 'closed'`);
    expect(kit.camps.map((camp) => camp.id).sort()).toEqual(open.sort());
    const [store] = await idsOf(`SELECT id FROM stock_points WHERE name = 'Atmeh camp store'`);
    const atmeh = kit.camps.find((camp) => camp.nameEn === 'Atmeh border camp (new)')!;
    expect(atmeh).toMatchObject({ zone: 'Asia/Damascus', storeId: store, shelter: expect.objectContaining({ tentsNeeded: expect.any(Number) }) });
    expect(kit.camps.filter((camp) => camp.nameEn !== 'Atmeh border camp (new)').every((camp) => camp.storeId === null)).toBe(true);
  });

  it('lists the item catalogue', async () => {
    expect(kit.items.map((item) => item.code)).toEqual((await db.query<{ code: string }>(`SELECT code FROM items ORDER BY code`)).map((row) => row.code));
  });

  it('lists the stock points with what each holds, and no in-transit point', async () => {
    const [tent] = await idsOf(`SELECT id FROM items WHERE code = 'TENT-FAMILY'`);
    const [parcel] = await idsOf(`SELECT id FROM items WHERE code = 'FOOD-PARCEL'`);
    const store = kit.stockPoints.find((point) => point.name === 'Atmeh camp store')!;
    expect(store.levels).toEqual([{ itemId: tent, quantity: 500 }]);
    const warehouse = kit.stockPoints.find((point) => point.name === 'Sarmada warehouse')!;
    const [{ quantity }] = await db.query<{ quantity: number }>(`SELECT quantity FROM stock_levels WHERE stock_point_id = $1 AND item_id = $2`, [warehouse.id, parcel]);
    expect(warehouse.levels).toContainEqual({ itemId: parcel, quantity: Number(quantity) });
    expect(kit.stockPoints.some((point) => (point.kind as string) === 'in_transit')).toBe(false);
  });

  it('lists its convoys on the road or planned today with the windows on their route, and the windows in force', () => {
    const onTheRoad = kit.convoys.find((convoy) => convoy.name === 'Parcels to Atmeh')!;
    expect(onTheRoad.status).toBe('departed');
    expect(onTheRoad.windows.length).toBeGreaterThan(0);
    expect(onTheRoad.windows[0]).toEqual({
      id: expect.any(String),
      announcedBy: expect.any(String),
      zone: 'Asia/Damascus',
      startsAt: expect.any(String),
      endsAt: expect.any(String),
      status: 'in_force',
      violatedAt: null,
    });
    expect(kit.windowsInForce.map((window) => window.id)).toContain(onTheRoad.windows[0].id);
    expect(kit.windowsInForce.every((window) => window.status === 'in_force')).toBe(true);
  });

  it("never carries another organisation's camps, stock points or convoys", async () => {
    const theirs = await idsOf(
      `SELECT c.id FROM camps c JOIN organisations o ON o.id = c.organisation_id WHERE o.short_code = 'KP'
       UNION ALL SELECT p.id FROM stock_points p JOIN organisations o ON o.id = p.organisation_id WHERE o.short_code = 'KP'
       UNION ALL SELECT v.id FROM convoys v JOIN organisations o ON o.id = v.organisation_id WHERE o.short_code = 'KP'`,
    );
    expect(theirs.length).toBeGreaterThan(0);
    const answer = JSON.stringify(kit);
    for (const id of theirs) expect(answer).not.toContain(id);
    const kp = (await (await signedIn(api, 'field@kidsparadise.example')).get('/api/v1/field-kit').expect(200)).body as FieldKitResponse;
    expect(kp.convoys.map((convoy) => convoy.name)).toEqual(['Kids Paradise winter kits']);
    expect(kp.camps.map((camp) => camp.id).some((id) => kit.camps.some((own) => own.id === id))).toBe(false);
  });

  it('is for coordinators and field staff: an administrator and a manager are refused with 403, nobody signed in with 401', async () => {
    await (await signedIn(api, 'coordinator@hro.example')).get('/api/v1/field-kit').expect(200);
    for (const email of ['admin@hro.example', 'manager@hro.example']) {
      const res = await (await signedIn(api, email)).get('/api/v1/field-kit').expect(403);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
    await request(api.url).get('/api/v1/field-kit').expect(401);
  });
});
