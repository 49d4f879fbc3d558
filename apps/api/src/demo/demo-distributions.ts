import type { EntityManager } from 'typeorm';
import { move } from './demo-ledger.js';

const DAY_MS = 86_400_000;

interface Context {
  manager: EntityManager;
  now: Date;
  items: Map<string, string>;
}

interface Site {
  organisationId: string;
  recordedBy: string;
  stockPointId: string;
}

/**
 * The weeks before the first start, so that the overview and every report show something:
 * receipts from donors (WFP and ECHO here, WFP and UNHCR in December 2019, UNICEF for Kids Paradise) and six weeks of distributions at the demo camps,
 * dated relative to the first start. Chosen so that the overview has work to show: the Atmeh
 * camp store is empty while Atmeh has 6 days of food left, the Sarmada olive grove camp had its
 * last parcels 40 days ago, and blankets at the Sarmada warehouse last under a week at the rate
 * they go out. Kids Paradise distributes winter kits at its own camp (another agency's records,
 * which no HRO report may show).
 */
export async function insertDemoDistributions(manager: EntityManager, now = new Date()): Promise<void> {
  const ctx: Context = { manager, now, items: new Map((await manager.query(`SELECT code, id FROM items`)).map((i: { code: string; id: string }) => [i.code, i.id])) };
  const one = async (sql: string, params: unknown[] = []) => (await manager.query(sql, params))[0];
  const hro = await one(`SELECT id FROM organisations WHERE short_code = 'HRO'`);
  const kp = await one(`SELECT id FROM organisations WHERE short_code = 'KP'`);
  const hroCoordinator = await one(`SELECT id FROM users WHERE email = 'coordinator@hro.example'`);
  const kpCoordinator = await one(`SELECT id FROM users WHERE email = 'coordinator@kidsparadise.example'`);
  const camp = (name: string) => one(`SELECT id, location_id, households, population FROM camps WHERE name_en = $1`, [name]);
  const point = (name: string) => one(`SELECT id FROM stock_points WHERE name = $1`, [name]);

  const warehouse: Site = { organisationId: hro.id, recordedBy: hroCoordinator.id, stockPointId: (await point('Sarmada warehouse')).id };
  const atmehStore: Site = { ...warehouse, stockPointId: (await point('Atmeh camp store')).id };
  const [atmeh, olives, idlibEast] = await Promise.all(['Atmeh border camp (new)', 'Sarmada olive grove camp', 'Idlib east reception centre'].map(camp));

  await receive(ctx, warehouse, 'BLANKET', 3_000, 'ECHO', 'ECHO/SYR/BUD/2019/91012', 'Waybill SAR-2019-1230');
  await receive(ctx, warehouse, 'HYGIENE-KIT', 1_200, 'ECHO', 'ECHO/SYR/BUD/2019/91012', 'Waybill SAR-2020-0102');
  await receive(ctx, warehouse, 'FOOD-PARCEL', 2_000, 'WFP', 'WFP-SY-2019-EMOP-200988', 'Waybill IDL-2020-0105');

  // Atmeh: a full round of parcels 24 days ago, 300 of them through its own store (now empty).
  const transfer = crypto.randomUUID();
  await move(manager, { ...warehouse, itemId: ctx.items.get('FOOD-PARCEL')!, kind: 'transfer_out', delta: -300, transferId: transfer, reference: 'To Atmeh camp store' });
  await move(manager, { ...atmehStore, itemId: ctx.items.get('FOOD-PARCEL')!, kind: 'transfer_in', delta: 300, transferId: transfer, reference: 'From Sarmada warehouse' });
  await distribute(ctx, atmehStore, atmeh, 'FOOD-PARCEL', 24, 300);
  await distribute(ctx, warehouse, atmeh, 'FOOD-PARCEL', 24, atmeh.households - 300);
  await distribute(ctx, warehouse, olives, 'FOOD-PARCEL', 40, olives.households);
  await distribute(ctx, warehouse, idlibEast, 'FOOD-PARCEL', 5, idlibEast.households);

  // Blankets every day of the last two weeks and hygiene kits every week, across the camps.
  const camps = [atmeh, olives, idlibEast];
  for (let day = 1; day <= 14; day++) await distribute(ctx, warehouse, camps[day % 3], 'BLANKET', day, 150);
  for (let week = 0; week < 6; week++) await distribute(ctx, warehouse, camps[week % 3], 'HYGIENE-KIT', 3 + week * 7, 120);

  // Kids Paradise: its own store and camp.
  const [kpStore] = await manager.query(
    `INSERT INTO stock_points (organisation_id, location_id, name, kind) SELECT $1, l.id, 'Kids Paradise Sarmada store', 'warehouse' FROM locations l WHERE l.pcode = 'SY07030101' RETURNING id`,
    [kp.id],
  );
  const kpSite: Site = { organisationId: kp.id, recordedBy: kpCoordinator.id, stockPointId: kpStore.id };
  const sarmadaNorth = await camp('Sarmada north camp');
  await receive(ctx, kpSite, 'WINTER-KIT', 2_500, 'UNICEF', 'UNICEF-SYR-2019-WINTER-3', 'Waybill KP-2020-001');
  for (let week = 0; week < 6; week++) await distribute(ctx, kpSite, sarmadaNorth, 'WINTER-KIT', 2 + week * 7, 300);
}

/** Movements are dated when they are recorded: the demo's, at the first start. */
async function receive(ctx: Context, site: Site, item: string, quantity: number, donor: string, pipelineReference: string, reference: string): Promise<void> {
  await move(ctx.manager, { ...site, itemId: ctx.items.get(item)!, kind: 'receipt', delta: quantity, reference, donor, pipelineReference });
}

/** One distribution to every household of the round's share, at 10:00 UTC `daysAgo` days before now. */
async function distribute(ctx: Context, site: Site, camp: { id: string; location_id: string; households: number; population: number }, item: string, daysAgo: number, quantity: number): Promise<void> {
  const id = crypto.randomUUID();
  const itemId = ctx.items.get(item)!;
  const { balance } = await move(ctx.manager, { ...site, itemId, kind: 'distribution', delta: -quantity, distributionId: id });
  // Parcels go one per household; other items reach about five people each.
  const households = item === 'FOOD-PARCEL' ? quantity : Math.min(camp.households, Math.ceil(quantity / 5));
  const people = Math.min(camp.population, Math.round((households * camp.population) / camp.households));
  const at = new Date(ctx.now.getTime() - daysAgo * DAY_MS);
  at.setUTCHours(10, 0, 0, 0);
  await ctx.manager.query(
    `INSERT INTO distributions (id, organisation_id, client_key, request_hash, camp_id, location_id, item_id, stock_point_id, quantity, households, people, distributed_at, stock_left, recorded_by)
     VALUES ($1, $2, $3, 'demo', $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
    [id, site.organisationId, `demo-recent-${id}`, camp.id, camp.location_id, itemId, site.stockPointId, quantity, households, people, at, balance, site.recordedBy],
  );
}
