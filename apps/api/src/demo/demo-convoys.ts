import { nextLocalTime, resolveLocalTime } from '@relief-ledger/domain';
import type { EntityManager } from 'typeorm';
import { move } from './demo-ledger.js';

const ZONE = 'Asia/Damascus';

/** 23 December 2019, local time in Damascus (UTC+2 that winter). */
function dec23(time: string): string {
  const at = resolveLocalTime({ date: '2019-12-23', time }, ZONE);
  if (at.kind !== 'exact') throw new Error(`demo time ${time}: ${at.kind}`);
  return at.instant;
}

const minutesFrom = (base: Date, minutes: number) => new Date(base.getTime() + minutes * 60_000).toISOString();

/**
 * The design case on the board: the pause window of 23 December 2019 over the routes north of
 * Ma'arat al-Num'an, the Kids Paradise evacuation convoy struck north of the city at 14:30 GMT
 * while it was in force (so the window is violated), a convoy that arrived, and today's
 * examples — a window in force until 18:00 local, a supply convoy on the road with parcels in
 * transit, one planned, and another agency's convoy seen by status only. Casualty figures are
 * illustrative.
 */
export async function insertDemoConvoys(manager: EntityManager, organisationIds: Map<string, string>, locationIds: Map<string, string>, now = new Date()): Promise<void> {
  const hro = organisationIds.get('HRO')!;
  const kp = organisationIds.get('KP')!;
  const user = async (email: string): Promise<string> => (await manager.query(`SELECT id FROM users WHERE email = $1`, [email]))[0].id;
  const hroCoordinator = await user('coordinator@hro.example');
  const hroField = await user('field@hro.example');
  const kpCoordinator = await user('coordinator@kidsparadise.example');
  const kpField = await user('field@kidsparadise.example');
  const place = (pcode: string) => locationIds.get(pcode)!;

  const route = async (name: string, pcodes: string[]): Promise<string> => {
    const [row] = await manager.query(`INSERT INTO routes (name, organisation_id, created_by) VALUES ($1, $2, $3) RETURNING id`, [name, hro, hroCoordinator]);
    await manager.query(`INSERT INTO route_stops (route_id, position, location_id) SELECT $1, ordinality - 1, id FROM unnest($2::uuid[]) WITH ORDINALITY AS s(id, ordinality)`, [
      row.id,
      pcodes.map(place),
    ]);
    return row.id;
  };
  const north = await route("M5 north: Ma'arat al-Num'an to Idlib city", ['SY07020001', 'SY07000002', 'SY07050001', 'SY07000001']);
  const sarmadaIdlib = await route('Sarmada to Idlib city', ['SY07030101', 'SY07000001']);
  const sarmadaAtmeh = await route('Sarmada to Atmeh border', ['SY07030101', 'SY07030102']);

  const window = async (w: { announcedBy: string; source: string; announcedAt: string; startsAt: string; endsAt: string; routes: string[]; areas: string[]; org: string; by: string }) => {
    const [row] = await manager.query(
      `INSERT INTO pause_windows (announced_by, source_text, announced_at, zone, starts_at, ends_at, organisation_id, recorded_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [w.announcedBy, w.source, w.announcedAt, ZONE, w.startsAt, w.endsAt, w.org, w.by],
    );
    await manager.query(`INSERT INTO pause_window_routes (window_id, route_id) SELECT $1, unnest($2::uuid[])`, [row.id, w.routes]);
    await manager.query(`INSERT INTO pause_window_areas (window_id, location_id) SELECT $1, unnest($2::uuid[])`, [row.id, w.areas]);
    return row.id as string;
  };

  type Event = { kind: 'status' | 'check_in'; from?: string; to?: string; at: string; pcode?: string; place?: string; note?: string; incident?: string; by: string };
  const events = async (convoyId: string, org: string, list: Event[]) => {
    for (const e of list) {
      await manager.query(
        `INSERT INTO convoy_events (convoy_id, organisation_id, kind, from_status, to_status, occurred_at, location_id, place, note, incident_id, recorded_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
        [convoyId, org, e.kind, e.from ?? null, e.to ?? null, e.at, e.pcode ? place(e.pcode) : null, e.place ?? null, e.note ?? null, e.incident ?? null, e.by],
      );
    }
  };
  const convoy = async (c: {
    org: string;
    name: string;
    purpose: string;
    route: string;
    status: string;
    planned: string;
    duration: number;
    vehicles: number;
    people?: number;
    departed?: string;
    ended?: string;
    lastCheckIn?: string;
    destination?: string;
    by: string;
    events: Event[];
  }) => {
    const [row] = await manager.query(
      `INSERT INTO convoys (organisation_id, name, purpose, route_id, status, planned_departure_at, expected_duration_minutes, safety_margin_minutes, vehicle_count,
         people_aboard, check_in_interval_minutes, destination_stock_point_id, departed_at, ended_at, last_check_in_at, created_by, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 60, $8, $9, 30, $10, $11, $12, $13, $14, coalesce($12, now())) RETURNING id`,
      [c.org, c.name, c.purpose, c.route, c.status, c.planned, c.duration, c.vehicles, c.people ?? null, c.destination ?? null, c.departed ?? null, c.ended ?? null, c.lastCheckIn ?? null, c.by],
    );
    await events(row.id, c.org, c.events);
    return row.id as string;
  };

  // 23 December 2019.
  const dec23Window = await window({
    announcedBy: 'Russia and the regime, notified to the UN',
    source: "Humanitarian pause on the roads north of Ma'arat al-Num'an for the evacuation of civilians, today until 6 p.m. local time.",
    announcedAt: dec23('07:15'),
    startsAt: dec23('08:00'),
    endsAt: dec23('18:00'),
    routes: [north],
    areas: [place('SY0702')],
    org: kp,
    by: kpCoordinator,
  });
  await convoy({
    org: hro,
    name: 'Evacuation bus run 1',
    purpose: 'evacuation',
    route: north,
    status: 'arrived',
    planned: dec23('10:00'),
    duration: 150,
    vehicles: 4,
    people: 160,
    departed: dec23('10:05'),
    ended: dec23('12:40'),
    lastCheckIn: dec23('11:20'),
    by: hroCoordinator,
    events: [
      { kind: 'status', from: 'planned', to: 'departed', at: dec23('10:05'), pcode: 'SY07020001', by: hroField },
      { kind: 'check_in', at: dec23('11:20'), pcode: 'SY07050001', place: 'passed Ariha', by: hroField },
      { kind: 'status', from: 'departed', to: 'arrived', at: dec23('12:40'), pcode: 'SY07000001', note: 'All 160 people at the Idlib east reception centre', by: hroField },
    ],
  });
  const struckConvoy = await convoy({
    org: kp,
    name: 'Maaret evacuation convoy 3',
    purpose: 'evacuation',
    route: north,
    status: 'struck',
    planned: '2019-12-23T14:00:00Z',
    duration: 150,
    vehicles: 5,
    people: 85,
    departed: '2019-12-23T14:05:00Z',
    ended: '2019-12-23T14:30:00Z',
    lastCheckIn: '2019-12-23T14:20:00Z',
    by: kpCoordinator,
    events: [],
  });
  const [incident] = await manager.query(
    `INSERT INTO incidents (kind, occurred_at, location_id, route_id, place, convoy_id, killed, injured, description, organisation_id, reported_by)
     VALUES ('airstrike', '2019-12-23T14:30:00Z', $1, $2, 'North of the city on the road towards Ariha', $3, 3, 8, $4, $5, $6) RETURNING id`,
    [place('SY07020001'), north, struckConvoy, 'Evacuation convoy struck while the pause was in force (illustrative figures).', kp, kpField],
  );
  await events(struckConvoy, kp, [
    { kind: 'status', from: 'planned', to: 'departed', at: '2019-12-23T14:05:00Z', pcode: 'SY07020001', by: kpField },
    { kind: 'check_in', at: '2019-12-23T14:20:00Z', place: 'Leaving the north of the city', by: kpField },
    { kind: 'status', from: 'departed', to: 'struck', at: '2019-12-23T14:30:00Z', pcode: 'SY07020001', incident: incident.id, note: 'Airstrike on the road towards Ariha', by: kpField },
  ]);
  await manager.query(`UPDATE pause_windows SET violated_at = '2019-12-23T14:30:00Z', violated_by_incident_id = $2 WHERE id = $1`, [dec23Window, incident.id]);

  // Today: a window in force until the next 18:00 in Damascus that is at least an hour away.
  const until = nextLocalTime(new Date(now.getTime() + 3_600_000), '18:00', ZONE);
  if (until.kind !== 'exact') throw new Error(`demo window end: ${until.kind}`);
  await window({
    announcedBy: 'Local council and the parties, notified to OCHA',
    source: 'Pause on the Sarmada–Idlib and Sarmada–Atmeh roads for aid convoys, until 18:00 local time.',
    announcedAt: minutesFrom(now, -180),
    startsAt: minutesFrom(now, -120),
    endsAt: until.instant,
    routes: [sarmadaIdlib, sarmadaAtmeh],
    areas: [],
    org: hro,
    by: hroCoordinator,
  });

  // HRO's supply run on the road, 300 parcels in transit from the Sarmada warehouse to Atmeh.
  const [warehouse] = await manager.query(`SELECT id FROM stock_points WHERE organisation_id = $1 AND name = 'Sarmada warehouse'`, [hro]);
  const [atmehStore] = await manager.query(`SELECT id FROM stock_points WHERE organisation_id = $1 AND name = 'Atmeh camp store'`, [hro]);
  const [parcel] = await manager.query(`SELECT id FROM items WHERE code = 'FOOD-PARCEL'`);
  const departed = minutesFrom(now, -40);
  const supply = await convoy({
    org: hro,
    name: 'Parcels to Atmeh',
    purpose: 'supply',
    route: sarmadaAtmeh,
    status: 'departed',
    planned: minutesFrom(now, -45),
    duration: 90,
    vehicles: 3,
    departed,
    lastCheckIn: minutesFrom(now, -15),
    destination: atmehStore.id,
    by: hroCoordinator,
    events: [
      { kind: 'status', from: 'planned', to: 'departed', at: departed, pcode: 'SY07030101', by: hroField },
      { kind: 'check_in', at: minutesFrom(now, -15), place: 'Dana checkpoint', by: hroField },
    ],
  });
  const [transit] = await manager.query(
    `INSERT INTO stock_points (organisation_id, location_id, name, kind) VALUES ($1, $2, $3, 'in_transit') RETURNING id`,
    [hro, place('SY07030101'), `In transit: Parcels to Atmeh (${supply.slice(0, 8)})`],
  );
  await manager.query(`UPDATE convoys SET transit_stock_point_id = $2 WHERE id = $1`, [supply, transit.id]);
  await manager.query(`INSERT INTO convoy_cargo (convoy_id, organisation_id, source_stock_point_id, item_id, quantity, state) VALUES ($1, $4, $2, $3, 300, 'in_transit')`, [supply, warehouse.id, parcel.id, hro]);
  const base = { organisationId: hro, recordedBy: hroCoordinator, itemId: parcel.id, reference: 'Convoy Parcels to Atmeh', transferId: crypto.randomUUID(), occurredAt: departed };
  await move(manager, { ...base, stockPointId: warehouse.id, kind: 'transfer_out', delta: -300 });
  await move(manager, { ...base, stockPointId: transit.id, kind: 'transfer_in', delta: 300 });

  await convoy({
    org: hro,
    name: 'Blankets to Idlib east',
    purpose: 'supply',
    route: sarmadaIdlib,
    status: 'planned',
    planned: minutesFrom(now, 120),
    duration: 90,
    vehicles: 2,
    by: hroCoordinator,
    events: [],
  });
  const kpDeparted = minutesFrom(now, -25);
  await convoy({
    org: kp,
    name: 'Kids Paradise winter kits',
    purpose: 'supply',
    route: sarmadaIdlib,
    status: 'departed',
    planned: minutesFrom(now, -30),
    duration: 80,
    vehicles: 2,
    departed: kpDeparted,
    by: kpCoordinator,
    events: [{ kind: 'status', from: 'planned', to: 'departed', at: kpDeparted, pcode: 'SY07030101', by: kpField }],
  });
}
