import 'reflect-metadata';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { ROLES, type Role } from '@relief-ledger/domain';
import { DataSource } from 'typeorm';
import { createLogger } from '../common/logging/logger.js';
import { loadConfig } from '../config/app-config.js';
import { buildDataSourceOptions } from '../database/data-source-options.js';
import { openDatabase } from '../database/open-database.js';
import { runMigrationsLocked } from '../database/run-migrations.js';
import { createUserWithOrganisation } from './create-user.js';

/**
 * `npm run user:create -- --email a@b.org --name "Amal" --organisation "Humanitarian Relief Organization" --code HRO --role admin`
 * Asks for what is missing; the password is read without echo (or from USER_PASSWORD).
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string', default: 'admin' },
      organisation: { type: 'string' },
      code: { type: 'string' },
    },
  });
  const email = values.email ?? (await ask('Email: '));
  const name = values.name ?? (await ask('Name: '));
  const organisation = values.organisation ?? (await ask('Organisation: '));
  const shortCode = values.code ?? (await ask('Organisation short code (e.g. HRO): '));
  const role = values.role as Role;
  if (!ROLES.includes(role)) throw new Error(`--role must be one of ${ROLES.join(', ')}`);
  const password = process.env.USER_PASSWORD ?? (await ask('Password (12 characters or more): ', true));

  const config = loadConfig();
  const database = await openDatabase(config, createLogger('warn'));
  const dataSource = new DataSource(buildDataSourceOptions(database.url));
  await dataSource.initialize();
  try {
    await runMigrationsLocked(dataSource);
    await dataSource.transaction((manager) => createUserWithOrganisation(manager, { email, password, name, role, organisation, shortCode }));
    console.log(`created ${role} ${email.toLowerCase()} in ${organisation}`);
  } finally {
    await dataSource.destroy();
    await database.stop();
  }
}

function ask(question: string, secret = false): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  if (secret) {
    // Print the prompt, then swallow what would echo the typed characters.
    const write = (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput.bind(rl);
    (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = (s: string) => {
      if (s.includes(question)) write(question);
    };
  }
  return new Promise((resolve) =>
    rl.question(question, (answer) => {
      rl.close();
      if (secret) process.stdout.write('\n');
      resolve(answer.trim());
    }),
  );
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`relief-ledger: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
