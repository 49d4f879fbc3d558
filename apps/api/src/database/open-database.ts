import path from 'node:path';
import type { Logger } from 'pino';
import { AppConfig, redactDatabaseUrl } from '../config/app-config.js';
import { checkDatabaseReachable } from './check-database-reachable.js';
import { lockDataDir, RunningDatabase, startEmbeddedPostgres } from './embedded-postgres.js';

/** DATABASE_URL when given (never starting a server of our own), else the embedded PostgreSQL. */
export async function openDatabase(config: AppConfig, logger: Logger): Promise<RunningDatabase> {
  if (config.databaseUrl) {
    await checkDatabaseReachable(config.databaseUrl);
    logger.info({ database: redactDatabaseUrl(config.databaseUrl) }, 'using PostgreSQL from DATABASE_URL');
    return { url: config.databaseUrl, stop: async () => undefined };
  }
  const unlock = await lockDataDir(config.dataDir);
  logger.info({ dataDir: config.dataDir, port: config.embeddedPostgresPort }, 'starting embedded PostgreSQL');
  const pgLogger = logger.child({ component: 'embedded-postgres' });
  try {
    const database = await startEmbeddedPostgres({
      dir: config.dataDir,
      port: config.embeddedPostgresPort,
      database: 'relief_ledger',
      // Recovery steps (a stale server stopped) are news; the server's own chatter is detail.
      log: (message) => (/stale|left running/.test(message) ? pgLogger.warn(message) : pgLogger.debug(message)),
    });
    logger.info({ dataDir: path.relative(process.cwd(), config.dataDir) || '.' }, 'embedded PostgreSQL is up');
    return {
      url: database.url,
      stop: async () => {
        await database.stop();
        await unlock();
      },
    };
  } catch (error) {
    await unlock();
    throw error;
  }
}
