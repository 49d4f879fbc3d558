import { Client } from 'pg';
import { redactDatabaseUrl } from '../config/app-config.js';
import { DatabaseStartError } from './embedded-postgres.js';

/** Fails fast, in one line and without the password, when DATABASE_URL cannot be used. */
export async function checkDatabaseReachable(databaseUrl: string): Promise<void> {
  const client = new Client({ connectionString: databaseUrl, connectionTimeoutMillis: 5_000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (error) {
    const reason = error instanceof Error ? error.message || error.name : String(error);
    throw new DatabaseStartError(`cannot use PostgreSQL at ${redactDatabaseUrl(databaseUrl)}: ${reason}`);
  } finally {
    await client.end().catch(() => undefined);
  }
}
