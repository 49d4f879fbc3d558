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

  describe('in words', () => {
    it("names who and what, with a link target: the camp, the convoy, the movement's stock point, the session's user", async () => {
      const manager = await signedIn(api, 'manager@hro.example');
      const camp = (await coordinator.post('/api/v1/camps').send(newCamp(refs, { nameEn: 'Named in the trail' })).expect(201)).body;
      const coordinatorId = await userId('coordinator@hro.example');

      const camps = (await manager.get(`/api/v1/audit?entity=camp&entityId=${camp.id}`).expect(200)).body;
      expect(camps.items).toEqual([
        expect.objectContaining({ action: 'create', userId: coordinatorId, userName: 'Coordinator (HRO)', recordLabel: 'Named in the trail', target: { kind: 'camp', id: camp.id } }),
      ]);
      const signIns = (await manager.get(`/api/v1/audit?action=sign_in&userId=${coordinatorId}`).expect(200)).body;
      expect(signIns.items[0]).toMatchObject({ action: 'sign_in', entity: 'session', userName: 'Coordinator (HRO)', target: { kind: 'user', id: coordinatorId } });
      const movements = (await manager.get('/api/v1/audit?entity=stock_movement&pageSize=1').expect(200)).body;
      if (movements.total > 0) {
        expect(movements.items[0]).toMatchObject({ recordLabel: expect.any(String), target: { kind: 'stock_point', id: expect.any(String) } });
      }
    });

    it('filters by person, action and period, each alone narrowing the trail', async () => {
      const manager = await signedIn(api, 'manager@hro.example');
      const adminId = await userId('admin@hro.example');
      // A clear second after the previous spec's writes: the period holds this write alone.
      await new Promise((resolve) => setTimeout(resolve, 1100));
      const before = new Date(Date.now() - 50).toISOString();
      await coordinator.post('/api/v1/camps').send(newCamp(refs, { nameEn: 'In the period' })).expect(201);
      const after = new Date(Date.now() + 1000).toISOString();

      const byAdmin = (await manager.get(`/api/v1/audit?userId=${adminId}&pageSize=100`).expect(200)).body;
      expect(byAdmin.total).toBeGreaterThan(0);
      expect(new Set(byAdmin.items.map((e: { userId: string }) => e.userId))).toEqual(new Set([adminId]));
      const creates = (await manager.get('/api/v1/audit?action=create&pageSize=100').expect(200)).body;
      expect(new Set(creates.items.map((e: { action: string }) => e.action))).toEqual(new Set(['create']));
      const period = (await manager.get(`/api/v1/audit?from=${encodeURIComponent(before)}&to=${encodeURIComponent(after)}&action=create&entity=camp`).expect(200)).body;
      expect(period.items.map((e: { recordLabel: string }) => e.recordLabel)).toEqual(['In the period']);
      const earlier = (await manager.get(`/api/v1/audit?to=${encodeURIComponent(before)}&entity=camp&pageSize=100`).expect(200)).body;
      expect(earlier.items.map((e: { recordLabel: string }) => e.recordLabel)).not.toContain('In the period');
    });

    it('refuses a bad person, period or backwards period with the field and reason, never a 500', async () => {
      const bad = await admin.get('/api/v1/audit?userId=amina');
      expect(bad.status).toBe(400);
      expect(bad.body.errors[0].field).toBe('userId');
      const badFrom = await admin.get('/api/v1/audit?from=yesterday');
      expect(badFrom.status).toBe(400);
      expect(badFrom.body.errors[0].field).toBe('from');
      const backwards = await admin.get('/api/v1/audit?from=2019-12-24T00:00:00Z&to=2019-12-23T00:00:00Z');
      expect(backwards.status).toBe(400);
      expect(backwards.body.errors[0]).toMatchObject({ field: 'from' });
    });

    it("never shows or names another organisation's rows or people", async () => {
      const otherAdmin = await signedIn(api, 'admin@kidsparadise.example');
      const hroCoordinator = await userId('coordinator@hro.example');
      const theirs = (await otherAdmin.get(`/api/v1/audit?userId=${hroCoordinator}`).expect(200)).body;
      expect(theirs.total).toBe(0);
      const all = (await otherAdmin.get('/api/v1/audit?pageSize=100').expect(200)).body;
      expect(JSON.stringify(all.items)).not.toMatch(/HRO|Named in the trail|In the period/);
      const people = (await otherAdmin.get('/api/v1/audit/people').expect(200)).body;
      expect(people.length).toBeGreaterThan(0);
      expect(people.map((p: { name: string }) => p.name).join(' ')).not.toContain('HRO');
      const ours = (await admin.get('/api/v1/audit/people').expect(200)).body;
      expect(ours).toEqual(expect.arrayContaining([{ id: hroCoordinator, name: 'Coordinator (HRO)' }]));
      await coordinator.get('/api/v1/audit/people').expect(403);
    });
  });
});
