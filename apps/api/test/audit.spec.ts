import { signedIn, signIn, Client } from './utils/session';
import { DemoRefs, demoRefs, newCamp } from './utils/fixtures';
import { RunningApi, startApi } from './utils/start-api';
import { createTestDatabase, TestDatabase } from './utils/test-database';

interface AuditRow {
  organisation_id: string | null;
  user_id: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  changed_fields: string[];
}

describe('audit trail', () => {
  let db: TestDatabase;
  let api: RunningApi;
  let coordinator: Client;
  let admin: Client;
  let refs: DemoRefs;

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startApi({ databaseUrl: db.url, env: { DEMO_DATA: 'true' } });
    coordinator = await signedIn(api, 'coordinator@hro.example');
    admin = await signedIn(api, 'admin@hro.example');
    refs = await demoRefs(coordinator);
  });

  afterAll(async () => {
    await api?.stop();
    await db?.drop();
  });

  /** Runs `write` and returns the audit rows it added. */
  async function auditOf(write: () => Promise<unknown>): Promise<AuditRow[]> {
    const [{ max }] = await db.query<{ max: string | null }>(`SELECT max(id)::text AS max FROM audit_log`);
    await write();
    return db.query<AuditRow>(
      `SELECT organisation_id, user_id, action, entity, entity_id, changed_fields FROM audit_log WHERE id > $1 ORDER BY id`,
      [max ?? '0'],
    );
  }

  const userId = async (email: string) => (await db.query<{ id: string }>(`SELECT id FROM users WHERE email = $1`, [email]))[0].id;

  it('records each camp write once: who, which organisation, which fields', async () => {
    let id = '';
    const created = await auditOf(async () => {
      id = (await coordinator.post('/api/v1/camps').send(newCamp(refs, { nameEn: 'Audited camp' })).expect(201)).body.id;
    });
    expect(created).toEqual([
      {
        organisation_id: refs.hro.id,
        user_id: await userId('coordinator@hro.example'),
        action: 'create',
        entity: 'camp',
        entity_id: id,
        changed_fields: ['capacity', 'households', 'locationId', 'nameAr', 'nameEn', 'openedOn', 'population', 'status'],
      },
    ]);
    const updated = await auditOf(() => coordinator.patch(`/api/v1/camps/${id}`).send({ version: 1, population: 1300, households: 260 }).expect(200));
    expect(updated).toEqual([expect.objectContaining({ action: 'update', entity_id: id, changed_fields: ['households', 'population'] })]);
    const closed = await auditOf(() => coordinator.post(`/api/v1/camps/${id}/close`).send({ version: 2 }).expect(200));
    expect(closed).toEqual([expect.objectContaining({ action: 'close', entity_id: id })]);
  });

  it('records nothing for a refused write', async () => {
    expect(await auditOf(() => coordinator.post('/api/v1/camps').send({ ...newCamp(refs), population: -1 }).expect(400))).toEqual([]);
    expect(await auditOf(() => coordinator.patch(`/api/v1/camps/00000000-0000-4000-8000-000000000000`).send({ version: 1, capacity: 1 }).expect(404))).toEqual([]);
  });

  it('records users and API tokens without passwords or tokens', async () => {
    const user = await auditOf(() =>
      admin.post('/api/v1/users').send({ name: 'Hala', email: 'hala@hro.example', role: 'field', password: 'a-secret-passphrase' }).expect(201),
    );
    expect(user).toEqual([expect.objectContaining({ action: 'create', entity: 'user', changed_fields: ['email', 'name', 'role'] })]);
    let token = '';
    const created = await auditOf(async () => {
      token = (await admin.post('/api/v1/api-tokens').send({ name: 'Report script' }).expect(201)).body.token;
    });
    expect(created).toEqual([expect.objectContaining({ action: 'create', entity: 'api_token' })]);
    const users = (await admin.get('/api/v1/users?pageSize=100').expect(200)).body.items as Array<{ id: string; email: string; version: number }>;
    const hala = users.find((u) => u.email === 'hala@hro.example')!;
    const disabled = await auditOf(() => admin.patch(`/api/v1/users/${hala.id}`).send({ version: hala.version, active: false, role: 'manager' }).expect(200));
    expect(disabled).toEqual([expect.objectContaining({ action: 'update', entity: 'user', entity_id: hala.id, changed_fields: ['active', 'role'] })]);
    const tokens = (await admin.get('/api/v1/api-tokens').expect(200)).body.items as Array<{ id: string }>;
    const revoked = await auditOf(() => admin.post(`/api/v1/api-tokens/${tokens[0].id}/revoke`).expect(200));
    expect(revoked).toEqual([expect.objectContaining({ action: 'revoke', entity: 'api_token', entity_id: tokens[0].id })]);
    const everything = JSON.stringify(await db.query(`SELECT * FROM audit_log`));
    expect(everything).not.toContain('a-secret-passphrase');
    expect(everything).not.toContain(token);
  });

  it('records sign-in and sign-out', async () => {
    let cookie = '';
    const signInRows = await auditOf(async () => {
      cookie = await signIn(api, 'manager@hro.example');
    });
    expect(signInRows).toEqual([expect.objectContaining({ action: 'sign_in', entity: 'session', user_id: await userId('manager@hro.example') })]);
    const { clientFor } = await import('./utils/session');
    const signOutRows = await auditOf(() => clientFor(api, cookie).post('/api/v1/auth/sign-out').expect(204));
    expect(signOutRows).toEqual([expect.objectContaining({ action: 'sign_out', entity: 'session' })]);
  });

  it('refuses UPDATE, DELETE and TRUNCATE on the audit table, even to its owner', async () => {
    await expect(db.query(`UPDATE audit_log SET action = 'nothing happened'`)).rejects.toThrow(/append-only/);
    await expect(db.query(`DELETE FROM audit_log`)).rejects.toThrow(/append-only/);
    await expect(db.query(`TRUNCATE audit_log`)).rejects.toThrow(/append-only/);
    expect(await db.count('audit_log')).toBeGreaterThan(0);
  });

  it("shows admins and managers their own organisation's trail only", async () => {
    const manager = await signedIn(api, 'manager@hro.example');
    const page = (await manager.get('/api/v1/audit?entity=camp').expect(200)).body;
    expect(page.total).toBeGreaterThan(0);
    expect(page.items[0]).toMatchObject({ entity: 'camp', userName: 'Coordinator (HRO)' });
    const otherAdmin = await signedIn(api, 'admin@kidsparadise.example');
    const theirs = (await otherAdmin.get('/api/v1/audit?entity=camp').expect(200)).body;
    expect(theirs.total).toBe(0);
    await coordinator.get('/api/v1/audit').expect(403);
  });
});
