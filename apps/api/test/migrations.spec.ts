import { MIGRATION_CLI, apiEnv, runToExit } from './utils/start-api';
import { createTestDatabase, TestDatabase } from './utils/test-database';

describe('migrations', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });

  afterAll(async () => {
    await db?.drop();
  });

  const tables = async () =>
    (await db.query<{ table_name: string }>(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1`)).map(
      (r) => r.table_name,
    );

  it('give exactly the schema the entities describe', async () => {
    const result = await runToExit([MIGRATION_CLI, 'check'], apiEnv({ databaseUrl: db.url }));
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('the schema matches the entities');
    expect(result.code).toBe(0);
  });

  it('revert and re-apply cleanly, down undoing exactly what up did', async () => {
    const before = await tables();
    expect(before).toEqual(expect.arrayContaining(['audit_log', 'camps', 'locations', 'migrations', 'organisations', 'sessions', 'users']));
    const functionsBefore = await db.query(`SELECT proname FROM pg_proc p WHERE pronamespace = 'public'::regnamespace AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e') ORDER BY 1`);

    const applied = await db.count('migrations');
    for (let i = 0; i < applied; i++) {
      const revert = await runToExit([MIGRATION_CLI, 'revert'], apiEnv({ databaseUrl: db.url }));
      expect(revert.code).toBe(0);
    }
    expect(await tables()).toEqual(['migrations']);
    expect(await db.query(`SELECT proname FROM pg_proc p WHERE pronamespace = 'public'::regnamespace AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')`)).toEqual([]);

    const run = await runToExit([MIGRATION_CLI, 'run'], apiEnv({ databaseUrl: db.url }));
    expect(run.code).toBe(0);
    expect(await tables()).toEqual(before);
    expect(await db.query(`SELECT proname FROM pg_proc p WHERE pronamespace = 'public'::regnamespace AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e') ORDER BY 1`)).toEqual(functionsBefore);
  });
});
