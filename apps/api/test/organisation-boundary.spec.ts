import { Client } from 'pg';
import { appRoleUrl } from '../src/database/app-role';
import { signedIn } from './utils/session';
import { RunningApi, startApi } from './utils/start-api';
import { createTestDatabase, TestDatabase } from './utils/test-database';

/** Every table an organisation owns (migration OrganisationBoundary). */
const OWNED = ['camps', 'users', 'sessions', 'api_tokens', 'audit_log', 'stock_points', 'stock_levels', 'stock_movements', 'distributions', 'distribution_day_totals', 'convoys', 'convoy_cargo', 'convoy_events'];

/**
 * Issue 12: the database guards the organisation boundary. Connected as the role the app
 * serves with, a query that forgets its organisation filter sees and changes nothing of
 * another agency's; the append-only tables cannot be changed at all.
 */
describe('the organisation boundary in PostgreSQL', () => {
  let db: TestDatabase;
  let api: RunningApi;
  let app: Client;
  let hro: string;
  let kp: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    // The app gives its role a login at start.
    api = await startApi({ databaseUrl: db.url, env: { DEMO_DATA: 'true' } });
    app = new Client({ connectionString: appRoleUrl(db.url) });
    await app.connect();
    [hro, kp] = await Promise.all(['HRO', 'KP'].map(async (code) => (await db.query<{ id: string }>(`SELECT id FROM organisations WHERE short_code = $1`, [code]))[0].id));
  });

  afterAll(async () => {
    await app?.end();
    await api?.stop();
    await db?.drop();
  });

  const asOrganisation = (organisationId: string) => app.query(`SELECT set_config('relief.organisation_id', $1, false)`, [organisationId]);
  const count = async (sql: string, params: unknown[] = []) => Number((await app.query(sql, params)).rows[0].n);

  it('is neither the owner of a table nor a superuser', async () => {
    const { rows } = await app.query(`SELECT current_user AS me, rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user`);
    expect(rows[0]).toEqual({ me: 'relief_app', rolsuper: false, rolbypassrls: false });
    const owned = await db.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tableowner = 'relief_app'`);
    expect(owned).toEqual([]);
  });

  it('sees nothing of an owned table with no organisation set', async () => {
    await asOrganisation('');
    for (const table of OWNED) expect({ table, rows: await count(`SELECT count(*) AS n FROM ${table}`) }).toEqual({ table, rows: 0 });
  });

  it("sees, as Kids Paradise, its own rows and none of the Humanitarian Relief Organization's", async () => {
    await asOrganisation(kp);
    for (const table of OWNED) {
      const [{ n: theirs }] = await db.query<{ n: string }>(`SELECT count(*) AS n FROM ${table} WHERE organisation_id = $1`, [kp]);
      expect({ table, hro: await count(`SELECT count(*) AS n FROM ${table} WHERE organisation_id = $1`, [hro]) }).toEqual({ table, hro: 0 });
      expect({ table, all: await count(`SELECT count(*) AS n FROM ${table}`) }).toEqual({ table, all: Number(theirs) });
    }
    // The demo gives Kids Paradise rows of its own, so the test above is not vacuous.
    expect(await count(`SELECT count(*) AS n FROM distributions`)).toBeGreaterThan(0);
  });

  it("changes nothing of another organisation's, and cannot write a row in its name", async () => {
    await asOrganisation(kp);
    const before = await db.query(`SELECT * FROM camps WHERE organisation_id = $1 ORDER BY id`, [hro]);
    expect((await app.query(`UPDATE camps SET name_en = 'taken over' WHERE organisation_id = $1`, [hro])).rowCount).toBe(0);
    expect((await app.query(`UPDATE stock_levels SET quantity = 0 WHERE organisation_id = $1`, [hro])).rowCount).toBe(0);
    await expect(
      app.query(`INSERT INTO camps (organisation_id, location_id, name_en, name_ar, population, households, capacity) SELECT $1, id, 'Forged', 'مزور', 1, 1, 1 FROM locations LIMIT 1`, [hro]),
    ).rejects.toMatchObject({ code: '42501' });
    await expect(
      app.query(`INSERT INTO audit_log (organisation_id, action, entity) VALUES ($1, 'create', 'camp')`, [hro]),
    ).rejects.toMatchObject({ code: '42501' });
    expect(await db.query(`SELECT * FROM camps WHERE organisation_id = $1 ORDER BY id`, [hro])).toEqual(before);
  });

  it.each(['audit_log', 'stock_movements', 'convoy_events'])('cannot update or delete %s, even its own rows', async (table) => {
    await asOrganisation(hro);
    await expect(app.query(`UPDATE ${table} SET organisation_id = organisation_id`)).rejects.toMatchObject({ code: '42501' });
    await expect(app.query(`DELETE FROM ${table}`)).rejects.toMatchObject({ code: '42501' });
  });

  it.each(['camps', 'audit_log', 'stock_movements', 'locations'])('cannot truncate or drop %s', async (table) => {
    await expect(app.query(`TRUNCATE ${table}`)).rejects.toMatchObject({ code: '42501' });
    await expect(app.query(`DROP TABLE ${table}`)).rejects.toMatchObject({ code: '42501' });
  });

  it('still reads what is shared with everyone: places, items, routes, windows and incidents', async () => {
    await asOrganisation('');
    for (const table of ['locations', 'items', 'routes', 'pause_windows', 'incidents', 'organisations']) {
      expect({ table, visible: (await count(`SELECT count(*) AS n FROM ${table}`)) > 0 }).toEqual({ table, visible: true });
    }
  });

  it("never lets one organisation's setting reach another's request on a shared connection", async () => {
    // Both agencies' requests, interleaved and at once, on the app's pool of connections.
    const [hroField, kpField] = await Promise.all([signedIn(api, 'field@hro.example'), signedIn(api, 'field@kidsparadise.example')]);
    const own = async (organisationId: string) => (await db.query<{ id: string }>(`SELECT id FROM camps WHERE organisation_id = $1`, [organisationId])).map((c) => c.id).sort();
    const [hroCamps, kpCamps] = await Promise.all([own(hro), own(kp)]);
    const answers = await Promise.all(
      Array.from({ length: 60 }, (_, n) => (n % 2 === 0 ? hroField : kpField).get('/api/v1/camps?pageSize=100').then((res) => ({ who: n % 2 === 0 ? 'hro' : 'kp', res }))),
    );
    for (const { who, res } of answers) {
      expect(res.status).toBe(200);
      expect(res.body.items.map((c: { id: string }) => c.id).sort()).toEqual(who === 'hro' ? hroCamps : kpCamps);
    }
  });
});
