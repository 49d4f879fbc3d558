import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import { DataSource } from 'typeorm';
import { createApp } from './app-factory.js';
import { createLogger } from './common/logging/logger.js';
import type { Logger } from 'pino';
import { AppConfig, ConfigError, loadConfig } from './config/app-config.js';
import { DatabaseStartError, RunningDatabase } from './database/embedded-postgres.js';
import { enableAppRoleLogin } from './database/app-role.js';
import { buildDataSourceOptions } from './database/data-source-options.js';
import { openDatabase } from './database/open-database.js';
import { runMigrationsLocked } from './database/run-migrations.js';
import { loadDemoDataIfEmpty } from './demo/demo-data.js';
import { DEMO_PASSWORD, demoEmails, disableDemoUsers } from './demo/demo-users.js';
import { createBootstrapAdminIfNoUsers } from './users/create-user.js';

/** A start that cannot succeed ends with one line saying why, and a non-zero exit code. */
function fail(message: string): never {
  process.stderr.write(`relief-ledger: ${message}\n`);
  process.exit(1);
}

async function main(): Promise<void> {
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (error) {
    fail(error instanceof ConfigError ? `invalid configuration: ${error.message}` : String(error));
  }
  const logger = createLogger(config.logLevel);

  const database = await openDatabase(config, logger).catch((error: unknown) =>
    fail(error instanceof DatabaseStartError ? error.message : `database did not start: ${String(error)}`),
  );

  exitOnErrorOutsideRequests(logger, database);
  try {
    await serve(config, database, logger);
  } catch (error) {
    // Leave no PostgreSQL of ours running behind a failed start.
    await database.stop().catch(() => undefined);
    throw error;
  }
}

/**
 * An error inside a request is answered (500 problem+json) and the app goes on. One outside any
 * request (a timer, a stream, a forgotten promise) leaves the app in a state nobody checked: log
 * it with its stack and exit non-zero, so that a supervisor (compose's `restart`, systemd's
 * `Restart=`) starts a clean one. The embedded PostgreSQL is stopped first when it is ours.
 */
function exitOnErrorOutsideRequests(logger: Logger, database: RunningDatabase): void {
  let exiting = false;
  const die = (kind: string) => (error: unknown) => {
    logger.fatal({ err: error instanceof Error ? { type: error.name, message: error.message, stack: error.stack } : { value: String(error) } }, `${kind}: exiting`);
    if (exiting) return;
    exiting = true;
    const stopped = Promise.race([database.stop(), new Promise((resolve) => setTimeout(resolve, 5_000).unref())]);
    void stopped.catch(() => undefined).finally(() => process.exit(1));
  };
  process.on('uncaughtException', die('uncaught exception'));
  process.on('unhandledRejection', die('unhandled promise rejection'));
}

async function serve(config: AppConfig, database: RunningDatabase, logger: Logger): Promise<void> {
  let stopping = false;
  const appUrl = await prepareDatabase(config, database.url, logger);
  const app = await createApp(config, appUrl, logger);
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    await app.close().catch((error: unknown) => logger.error({ err: error }, 'error while closing'));
    await database.stop();
    // The shell's convention for "ended by a signal" (130 after Ctrl-C), whoever exits first:
    // embedded-postgres also stops its server on these signals and exits with the same code.
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  await app.listen({ port: config.port, host: config.host });
  const { port } = app.getHttpServer().address() as AddressInfo;
  const shown = config.host === '0.0.0.0' || config.host === '127.0.0.1' ? 'localhost' : config.host;
  logger.info({ event: 'listening', port }, `Relief Ledger is up at http://${shown}:${port} (API docs at /api/docs)`);
}

/**
 * Migrations, demo data and the first administrator, as the owner of the tables, on a
 * connection of their own (the serving pool cancels any statement that runs longer than a
 * request may, and a migration on a large ledger can). Returns the URL the app serves with:
 * DATABASE_APP_URL, or the app role given its login here.
 */
async function prepareDatabase(config: AppConfig, databaseUrl: string, logger: Logger): Promise<string> {
  const dataSource = new DataSource(buildDataSourceOptions(databaseUrl));
  await dataSource.initialize();
  try {
    const applied = await runMigrationsLocked(dataSource);
    if (applied.length) logger.info({ migrations: applied.map((m) => m.name) }, 'migrations applied');
    if (config.demoData && (await loadDemoDataIfEmpty(dataSource))) logger.info('demo data loaded into the empty database');
    if (!config.demoData) {
      const disabled = await dataSource.transaction((manager) => disableDemoUsers(manager));
      if (disabled) logger.warn({ disabled }, 'demo accounts found while demo data is off: disabled them (their password is public)');
    }
    if (config.bootstrapAdmin) {
      const admin = config.bootstrapAdmin;
      if (await dataSource.transaction((manager) => createBootstrapAdminIfNoUsers(manager, admin))) {
        logger.info({ email: admin.email, organisation: admin.organisation }, 'first administrator created from ADMIN_EMAIL');
      } else {
        logger.info('ADMIN_EMAIL ignored: the database already has users');
      }
    }
    await announceAccounts(dataSource, config, logger);
    if (config.databaseAppUrl) return config.databaseAppUrl;
    if (!new URL(databaseUrl).password) logger.warn('the owner in DATABASE_URL has no password: the app role gets a fixed one (fine with trust authentication on a private server only)');
    return await enableAppRoleLogin(dataSource, databaseUrl);
  } finally {
    await dataSource.destroy();
  }
}

/** Tells the operator how to get in: the demo accounts in demo mode, or how to create the first admin. */
async function announceAccounts(dataSource: DataSource, config: AppConfig, logger: Logger): Promise<void> {
  const [{ count }] = await dataSource.query(`SELECT count(*)::int AS count FROM users`);
  if (count === 0) {
    logger.warn('no user exists yet: create the first administrator with `npm run user:create`, or set ADMIN_EMAIL and ADMIN_PASSWORD');
    return;
  }
  if (config.demoData) {
    const [{ demo }] = await dataSource.query(`SELECT count(*)::int AS demo FROM users WHERE email = ANY($1)`, [demoEmails()]);
    if (demo > 0) {
      logger.info(
        { users: demoEmails() },
        `DEMO ONLY: sign in as ${demoEmails().join(', ')} with the password "${DEMO_PASSWORD}"`,
      );
    }
  }
}

main().catch((error: unknown) => {
  const reason = error instanceof Error ? error.message : String(error);
  fail(`could not start: ${reason}`);
});
