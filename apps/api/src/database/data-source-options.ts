import { types } from 'pg';
import { DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from '../../../../migrations/index.js';
import { ENTITIES } from './entities.js';
import { SnakeNamingStrategy } from './snake-naming.strategy.js';

// A `date` is a calendar day at a site; turning it into a JS Date would shift it by the server's zone.
types.setTypeParser(types.builtins.DATE, (value: string) => value);

export function buildDataSourceOptions(databaseUrl: string): DataSourceOptions {
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
    extra: { max: 10 },
  };
}
