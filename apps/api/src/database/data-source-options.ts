import { types } from 'pg';
import { DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from '../../../../migrations/index.js';
import { ENTITIES } from './entities.js';
import { SnakeNamingStrategy } from './snake-naming.strategy.js';

// A `date` is a calendar day at a site; turning it into a JS Date would shift it by the server's zone.
types.setTypeParser(types.builtins.DATE, (value: string) => value);

/**
 * `statementTimeoutMs` bounds every statement and every idle open transaction of the pool: the
 * serving app's, so that a request given up after its time limit does not leave its work
 * running. Migrations and the demo load run without it.
 */
export function buildDataSourceOptions(databaseUrl: string, statementTimeoutMs?: number): DataSourceOptions {
  return {
    type: 'postgres',
    url: databaseUrl,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    // gen_random_uuid() is built into PostgreSQL 13+; no extension to install.
    installExtensions: false,
    migrationsRun: false,
    logging: false,
    applicationName: 'relief-ledger',
    extra: statementTimeoutMs ? { max: 10, statement_timeout: statementTimeoutMs, idle_in_transaction_session_timeout: statementTimeoutMs } : { max: 10 },
  };
}
