import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

export interface TestDatabase {
  url: string;
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  count(table: string): Promise<number>;
  drop(): Promise<void>;
}

/**
 * A database of this spec file's own, cloned from the migrated template in milliseconds.
 * Clones of one run are named `relief_test_c_<run>_…` so that teardown can sweep leftovers.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = process.env.RELIEF_TEST_ADMIN_URL;
  const template = process.env.RELIEF_TEST_TEMPLATE;
  if (!adminUrl || !template) throw new Error('the API test global setup did not run (RELIEF_TEST_ADMIN_URL is unset)');
  const name = `relief_test_c_${process.env.RELIEF_TEST_RUN}_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  await admin.end();

  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const client = new Client({ connectionString: url.toString() });
  await client.connect();
  return {
    url: url.toString(),
    query: async <T>(sql: string, params?: unknown[]) => (await client.query(sql, params)).rows as T[],
    count: async (table: string) => Number((await client.query(`SELECT count(*) AS n FROM ${table}`)).rows[0].n),
    drop: async () => {
      await client.end();
      const dropper = new Client({ connectionString: adminUrl });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    },
  };
}
