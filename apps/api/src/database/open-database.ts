import path from 'node:path';
import type { Logger } from 'pino';
import { AppConfig, redactDatabaseUrl } from '../config/app-config.js';
import { checkDatabaseReachable } from './check-database-reachable.js';
import { RunningDatabase, startEmbeddedPostgres } from './embedded-postgres.js';

/** DATABASE_URL when given (never starting a server of our own), else the embedded PostgreSQL. */
export async function openDatabase(config: AppConfig, logger: Logger): Promise<RunningDatabase> {
  if (config.databaseUrl) {
    await checkDatabaseReachable(config.databaseUrl);
    logger.info({ database: redactDatabaseUrl(config.databaseUrl) }, 'using PostgreSQL from DATABASE_URL');
    return { url: config.databaseUrl, stop: async () => undefined };
  }
  logger.info({ dataDir: config.dataDir, port: config.embeddedPostgresPort }, 'starting embedded PostgreSQL');
  const pgLogger = logger.child({ component: 'embedded-postgres' });
  const database = await startEmbeddedPostgres({
    dir: config.dataDir,
    port: config.embeddedPostgresPort,
    database: 'relief_ledger',
    log: (message) => pgLogger.debug(message),
  });
  logger.info({ dataDir: path.relative(process.cwd(), config.dataDir) || '.' }, 'embedded PostgreSQL is up');
  return database;
}
