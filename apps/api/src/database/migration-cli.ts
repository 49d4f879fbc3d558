import 'reflect-metadata';
import { writeFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { createLogger } from '../common/logging/logger.js';
import { loadConfig } from '../config/app-config.js';
import { buildDataSourceOptions } from './data-source-options.js';
import { openDatabase } from './open-database.js';
import { runMigrationsLocked } from './run-migrations.js';

/**
 * `npm run migration:run | migration:revert | migration:generate -- Name`, against DATABASE_URL or
 * the embedded PostgreSQL. `generate` writes what the entities need beyond the current schema
 * into migrations/<timestamp>-<Name>.ts and lists it in migrations/index.ts: read it and fix it
 * by hand before committing (names, comments, a down that truly reverses the up). `check` fails
 * when the migrations and the entities disagree (run by the tests).
 */
async function main(): Promise<void> {
  const [command, name] = process.argv.slice(2);
  if (!['run', 'revert', 'generate', 'check'].includes(command) || (command === 'generate' && !/^[A-Z][A-Za-z0-9]+$/.test(name ?? ''))) {
    throw new Error('usage: migration-cli run | revert | check | generate <PascalCaseName>');
  }
  const config = loadConfig();
  const database = await openDatabase(config, createLogger('warn'));
  const dataSource = new DataSource(buildDataSourceOptions(database.url));
  await dataSource.initialize();
  try {
    if (command === 'run') {
      const applied = await runMigrationsLocked(dataSource);
      console.log(applied.length ? `applied: ${applied.map((m) => m.name).join(', ')}` : 'no pending migrations');
    } else if (command === 'revert') {
      await dataSource.undoLastMigration({ transaction: 'each' });
      console.log('reverted the last migration');
    } else if (command === 'check') {
      // The migrations alone must give the schema the entities describe.
      await dataSource.runMigrations({ transaction: 'each' });
      const drift = (await dataSource.driver.createSchemaBuilder().log()).upQueries;
      if (drift.length) throw new Error(`the migrations do not give the schema the entities expect:\n${drift.map((q) => q.query).join(';\n')}`);
      console.log('the schema matches the entities');
    } else {
      await dataSource.runMigrations({ transaction: 'each' });
      generate(dataSource, name, await dataSource.driver.createSchemaBuilder().log());
    }
  } finally {
    await dataSource.destroy();
    await database.stop();
  }
}

function generate(dataSource: DataSource, name: string, sql: { upQueries: { query: string }[]; downQueries: { query: string }[] }): void {
  if (sql.upQueries.length === 0) {
    console.log('the schema already matches the entities: nothing to generate');
    return;
  }
  const timestamp = Date.now();
  const className = `${name}${timestamp}`;
  const line = (q: { query: string }) => `    await queryRunner.query(\`${q.query.replace(/`/g, '\\`')}\`);`;
  const file = `${timestamp}-${name}.ts`;
  const source = `import { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  public async up(queryRunner: QueryRunner): Promise<void> {
${sql.upQueries.map(line).join('\n')}
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
${[...sql.downQueries].reverse().map(line).join('\n')}
  }
}
`;
  const dir = path.resolve('migrations');
  writeFileSync(path.join(dir, file), source);
  const index = path.join(dir, 'index.ts');
  const text = readFileSync(index, 'utf8')
    .replace(/(\nexport const MIGRATIONS = \[)/, `import { ${className} } from './${file.replace(/\.ts$/, '.js')}';\n$1`)
    .replace(/(export const MIGRATIONS = \[[^\]]*)\]/, `$1, ${className}]`);
  writeFileSync(index, text);
  console.log(`wrote migrations/${file} (${dataSource.driver.options.type}); read it before committing`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`relief-ledger: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
