import type { EntityManager } from 'typeorm';
import { move } from './demo-ledger.js';

/** The demo catalogue: what coverage needs per unit (a family food parcel feeds 5 people for 30 days). */
const ITEMS = [
  { code: 'FOOD-PARCEL', en: 'Family food parcel', ar: 'سلة غذائية عائلية', unit: 'parcel', kind: 'food', persons: 5, days: 30 },
  { code: 'TENT-FAMILY', en: 'Family tent', ar: 'خيمة عائلية', unit: 'tent', kind: 'shelter', persons: 5, days: null },
  { code: 'BLANKET', en: 'Blanket', ar: 'بطانية', unit: 'piece', kind: 'non_food', persons: 1, days: null },
  { code: 'WINTER-KIT', en: 'Winter clothing kit', ar: 'حقيبة ملابس شتوية', unit: 'kit', kind: 'non_food', persons: 1, days: null },
  { code: 'HYGIENE-KIT', en: 'Hygiene kit', ar: 'حقيبة نظافة', unit: 'kit', kind: 'hygiene', persons: 5, days: 30 },
  { code: 'WATER-L', en: 'Water', ar: 'مياه', unit: 'litre', kind: 'water', persons: null, days: null },
];

/**
 * HRO's 20,000 food parcels received at its Sarmada warehouse, a good part handed out at its
 * camps between Idlib city and Sarmada, and the 500 family tents received at the new camp near
 * the border — so coverage shows something real on a first start.
 */
export async function insertDemoStock(manager: EntityManager, organisationIds: Map<string, string>, locationIds: Map<string, string>): Promise<void> {
  const itemIds = new Map<string, string>();
  for (const item of ITEMS) {
    const [row] = await manager.query(
      `INSERT INTO items (code, name_en, name_ar, unit, kind, persons_per_unit, days_per_unit) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [item.code, item.en, item.ar, item.unit, item.kind, item.persons, item.days],
    );
    itemIds.set(item.code, row.id);
  }
  const hro = organisationIds.get('HRO')!;
  const [coordinator] = await manager.query(`SELECT id FROM users WHERE email = 'coordinator@hro.example'`);
  const camps: Array<{ id: string; name_en: string; location_id: string; households: number; population: number }> = await manager.query(
    `SELECT id, name_en, location_id, households, population FROM camps WHERE organisation_id = $1`,
    [hro],
  );
  const camp = (name: string) => camps.find((c) => c.name_en === name)!;

  const [warehouse] = await manager.query(
    `INSERT INTO stock_points (organisation_id, location_id, name, kind) VALUES ($1, $2, 'Sarmada warehouse', 'warehouse') RETURNING id`,
    [hro, locationIds.get('SY07030101')],
  );
  const atmeh = camp('Atmeh border camp (new)');
  const [atmehStore] = await manager.query(
    `INSERT INTO stock_points (organisation_id, location_id, camp_id, name, kind) VALUES ($1, $2, $3, 'Atmeh camp store', 'camp_store') RETURNING id`,
    [hro, atmeh.location_id, atmeh.id],
  );
  const base = { organisationId: hro, recordedBy: coordinator.id };
  await move(manager, { ...base, stockPointId: warehouse.id, itemId: itemIds.get('FOOD-PARCEL')!, kind: 'receipt', delta: 20_000, reference: 'Waybill IDL-2019-1218', donor: 'WFP', pipelineReference: 'WFP-SY-2019-EMOP-200988' });
  await move(manager, { ...base, stockPointId: atmehStore.id, itemId: itemIds.get('TENT-FAMILY')!, kind: 'receipt', delta: 500, reference: 'Waybill ATM-2019-1222', donor: 'UNHCR', pipelineReference: 'UNHCR-SYR-2019-SH-07' });

  // Parcels handed out at each camp: one per household.
  let n = 0;
  for (const name of ['Atmeh border camp (new)', 'Sarmada olive grove camp', 'Idlib east reception centre']) {
    const target = camp(name);
    const id = crypto.randomUUID();
    const { balance } = await move(manager, { ...base, stockPointId: warehouse.id, itemId: itemIds.get('FOOD-PARCEL')!, kind: 'distribution', delta: -target.households, distributionId: id });
    await manager.query(
      `INSERT INTO distributions (id, organisation_id, client_key, request_hash, camp_id, location_id, item_id, stock_point_id, quantity, households, people, distributed_at, stock_left, recorded_by)
       VALUES ($1, $2, $3, 'demo', $4, $5, $6, $7, $8, $8, $9, timestamptz '2019-12-24 10:00+02' + make_interval(days => $10), $11, $12)`,
      [id, hro, `demo-${++n}`, target.id, target.location_id, itemIds.get('FOOD-PARCEL'), warehouse.id, target.households, target.population, n, balance, coordinator.id],
    );
  }
}
