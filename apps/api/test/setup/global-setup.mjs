// Runs once per `jest` run, before any spec: one PostgreSQL server (DATABASE_URL's, or an
// embedded one in a temporary folder) and one template database migrated with the real
// migrations. Each spec file clones the template, so files never share rows and run in parallel.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from '../../dist/apps/api/src/database/data-source-options.js';
import { startEmbeddedPostgres } from '../../dist/apps/api/src/database/embedded-postgres.js';

async function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function withDatabase(url, database) {
  const result = new URL(url);
  result.pathname = `/${database}`;
  return result.toString();
}

export default async function globalSetup() {
  let adminUrl;
  if (process.env.DATABASE_URL) {
    adminUrl = process.env.DATABASE_URL;
    globalThis.__reliefTestServer = { stop: async () => undefined };
  } else {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'relief-test-pg-'));
    const server = await startEmbeddedPostgres({ dir, port: await freePort(), database: 'postgres', log: () => undefined, ephemeral: true });
    adminUrl = server.url;
    globalThis.__reliefTestServer = {
      stop: async () => {
        await server.stop();
        await rm(dir, { recursive: true, force: true });
      },
    };
  }
  // Every database of this run carries the run id, so that runs sharing one server never touch each other's.
  const run = randomBytes(4).toString('hex');
  const template = `relief_test_t_${run}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${template}`);
  await admin.end();

  const dataSource = new DataSource(buildDataSourceOptions(withDatabase(adminUrl, template)));
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  await dataSource.destroy();

  process.env.RELIEF_TEST_ADMIN_URL = adminUrl;
  process.env.RELIEF_TEST_TEMPLATE = template;
  process.env.RELIEF_TEST_RUN = run;
  // The specs pick their databases themselves; the app under test must never fall back to this.
  delete process.env.DATABASE_URL;
}
