import { DataSource, EntityManager } from 'typeorm';
import { insertDemoConvoys } from './demo-convoys.js';
import { insertDemoDistributions } from './demo-distributions.js';
import { insertDemoStock } from './demo-stock.js';
import { insertDemoUsers } from './demo-users.js';

/**
 * Demo data for a first start: the places of the December 2019 flight from Ma'arat al-Num'an,
 * two agencies and a few camps. Figures are plausible, not real. Governorate and district
 * P-codes are OCHA's; sub-district and community codes follow the OCHA pattern but are
 * illustrative: load the COD-AB before real use.
 */
const ORGANISATIONS = [
  { name: 'Humanitarian Relief Organization', shortCode: 'HRO' },
  { name: 'Kids Paradise', shortCode: 'KP' },
];

type Level = 'governorate' | 'district' | 'sub_district' | 'community';
const LOCATIONS: Array<{ pcode: string; level: Level; parent: string | null; en: string; ar: string; point?: [number, number] }> = [
  { pcode: 'SY07', level: 'governorate', parent: null, en: 'Idlib', ar: 'إدلب', point: [35.93, 36.63] },
  { pcode: 'SY0700', level: 'district', parent: 'SY07', en: 'Idlib', ar: 'إدلب' },
  { pcode: 'SY0702', level: 'district', parent: 'SY07', en: "Maarrat al-Nu'man", ar: 'معرة النعمان' },
  { pcode: 'SY0703', level: 'district', parent: 'SY07', en: 'Harem', ar: 'حارم' },
  { pcode: 'SY0704', level: 'district', parent: 'SY07', en: 'Jisr al-Shughur', ar: 'جسر الشغور' },
  { pcode: 'SY0705', level: 'district', parent: 'SY07', en: 'Ariha', ar: 'أريحا' },
  { pcode: 'SY070000', level: 'sub_district', parent: 'SY0700', en: 'Idlib Centre', ar: 'مركز إدلب' },
  { pcode: 'SY070200', level: 'sub_district', parent: 'SY0702', en: "Maarrat al-Nu'man Centre", ar: 'مركز معرة النعمان' },
  { pcode: 'SY070301', level: 'sub_district', parent: 'SY0703', en: 'Dana', ar: 'الدانا' },
  { pcode: 'SY070500', level: 'sub_district', parent: 'SY0705', en: 'Ariha Centre', ar: 'مركز أريحا' },
  { pcode: 'SY07000001', level: 'community', parent: 'SY070000', en: 'Idlib city', ar: 'مدينة إدلب', point: [35.9306, 36.6339] },
  { pcode: 'SY07000002', level: 'community', parent: 'SY070000', en: "Ma'arat Misrin", ar: 'معرة مصرين', point: [35.9983, 36.7139] },
  { pcode: 'SY07020001', level: 'community', parent: 'SY070200', en: "Ma'arat al-Num'an", ar: 'معرة النعمان', point: [35.6433, 36.6717] },
  { pcode: 'SY07050001', level: 'community', parent: 'SY070500', en: 'Ariha', ar: 'أريحا', point: [35.8125, 36.6097] },
  { pcode: 'SY07030101', level: 'community', parent: 'SY070301', en: 'Sarmada', ar: 'سرمدا', point: [36.1797, 36.7203] },
  { pcode: 'SY07030102', level: 'community', parent: 'SY070301', en: 'Atmeh (near the Turkish border)', ar: 'أطمة (قرب الحدود التركية)', point: [36.2233, 36.6575] },
];

const CAMPS = [
  // The new camp of the design case: more households than the 500 tents that will reach it.
  { org: 'HRO', place: 'SY07030102', en: 'Atmeh border camp (new)', ar: 'مخيم أطمة الحدودي (جديد)', status: 'open', population: 4_200, households: 840, capacity: 5_000, openedOn: '2019-12-22' },
  { org: 'KP', place: 'SY07030101', en: 'Sarmada north camp', ar: 'مخيم شمال سرمدا', status: 'full', population: 6_350, households: 1_270, capacity: 6_000, openedOn: '2018-05-14' },
  { org: 'HRO', place: 'SY07030101', en: 'Sarmada olive grove camp', ar: 'مخيم كرم الزيتون في سرمدا', status: 'open', population: 2_900, households: 610, capacity: 3_500, openedOn: '2019-02-03' },
  { org: 'HRO', place: 'SY07000001', en: 'Idlib east reception centre', ar: 'مركز استقبال شرق إدلب', status: 'open', population: 1_850, households: 370, capacity: 2_000, openedOn: '2019-12-18' },
];

/** Loads the demo data when the database holds no organisation yet. Returns whether it did. */
export async function loadDemoDataIfEmpty(dataSource: DataSource): Promise<boolean> {
  return dataSource.transaction(async (manager) => {
    // Two instances starting on one empty database must not both load it.
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('relief-ledger:demo-data'))`);
    const [{ count }] = await manager.query(`SELECT count(*)::int AS count FROM organisations`);
    if (count > 0) return false;
    await insertDemoData(manager);
    return true;
  });
}

async function insertDemoData(manager: EntityManager): Promise<void> {
  const organisationIds = new Map<string, string>();
  for (const org of ORGANISATIONS) {
    const [row] = await manager.query(`INSERT INTO organisations (name, short_code) VALUES ($1, $2) RETURNING id`, [org.name, org.shortCode]);
    organisationIds.set(org.shortCode, row.id);
  }
  const locationIds = new Map<string, string>();
  for (const place of LOCATIONS) {
    const [row] = await manager.query(
      `INSERT INTO locations (pcode, level, parent_id, name_en, name_ar, latitude, longitude) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [place.pcode, place.level, place.parent ? locationIds.get(place.parent) : null, place.en, place.ar, place.point?.[0] ?? null, place.point?.[1] ?? null],
    );
    locationIds.set(place.pcode, row.id);
  }
  await insertDemoUsers(manager, organisationIds);
  for (const camp of CAMPS) {
    await manager.query(
      `INSERT INTO camps (organisation_id, location_id, name_en, name_ar, status, population, households, capacity, opened_on)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [organisationIds.get(camp.org), locationIds.get(camp.place), camp.en, camp.ar, camp.status, camp.population, camp.households, camp.capacity, camp.openedOn],
    );
  }
  await insertDemoStock(manager, organisationIds, locationIds);
  await insertDemoDistributions(manager);
  await insertDemoConvoys(manager, organisationIds, locationIds);
}
