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
    expect(before).toEqual(expect.arrayContaining(['camps', 'locations', 'migrations', 'organisations']));

    const revert = await runToExit([MIGRATION_CLI, 'revert'], apiEnv({ databaseUrl: db.url }));
    expect(revert.code).toBe(0);
    expect(await tables()).toEqual(['migrations']);

    const run = await runToExit([MIGRATION_CLI, 'run'], apiEnv({ databaseUrl: db.url }));
    expect(run.code).toBe(0);
    expect(await tables()).toEqual(before);
  });
});
