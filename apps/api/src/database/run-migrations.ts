import { DataSource, Migration } from 'typeorm';

/**
 * Applies pending migrations under a PostgreSQL advisory lock: several instances starting at
 * once on one database take turns instead of racing to create the same tables.
 */
export async function runMigrationsLocked(dataSource: DataSource): Promise<Migration[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query(`SELECT pg_advisory_lock(hashtext('relief-ledger:migrations'))`);
    return await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await runner.query(`SELECT pg_advisory_unlock(hashtext('relief-ledger:migrations'))`).catch(() => undefined);
    await runner.release();
  }
}
