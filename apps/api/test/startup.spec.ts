import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import type { CampResponse, Page } from '@relief-ledger/domain';
import { MIGRATIONS } from '../../../migrations/index';
import { API_MAIN, apiEnv, runToExit, startApi, USER_CREATE_CLI } from './utils/start-api';
import { createTestDatabase } from './utils/test-database';
import { signedIn } from './utils/session';

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => socket.destroy() && resolve(true));
    socket.once('error', () => resolve(false));
  });
}

describe('start-up', () => {
  describe('refuses to start, in one line and with a non-zero exit code,', () => {
    it('when DATABASE_URL points at no server', async () => {
      const port = await freePort();
      const result = await runToExit([API_MAIN], apiEnv({ databaseUrl: `postgres://relief:hunter2@127.0.0.1:${port}/relief` }));
      expect(result.code).not.toBe(0);
      expect(result.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^relief-ledger: cannot use PostgreSQL at postgres:\/\/relief:\*\*\*@127\.0\.0\.1:\d+\/relief: .*ECONNREFUSED/)]);
      expect(result.stdout + result.stderr).not.toContain('hunter2');
    });

    it('when DATABASE_URL is not a URL', async () => {
      const result = await runToExit([API_MAIN], apiEnv({ databaseUrl: 'my-database' }));
      expect(result.code).not.toBe(0);
      expect(result.stderr.trim()).toBe('relief-ledger: invalid configuration: DATABASE_URL is not a URL (expected postgres://user:password@host:5432/database)');
    });

    it('when DATABASE_URL names a database that does not exist', async () => {
      const admin = new URL(process.env.RELIEF_TEST_ADMIN_URL!);
      admin.pathname = '/relief_no_such_database';
      const result = await runToExit([API_MAIN], apiEnv({ databaseUrl: admin.toString() }));
      expect(result.code).not.toBe(0);
      expect(result.stderr.trim().split('\n')).toEqual([expect.stringContaining('database "relief_no_such_database" does not exist')]);
    });

    it('when PORT is not a port', async () => {
      const result = await runToExit([API_MAIN], apiEnv({ env: { PORT: 'eighty' } }));
      expect(result.code).not.toBe(0);
      expect(result.stderr.trim()).toBe('relief-ledger: invalid configuration: PORT must be a port number from 0 to 65535 (got "eighty")');
    });
  });

  it('lets several instances start at once on one empty database, migrating it once', async () => {
    const db = await createTestDatabase();
    await db.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public');
    const apis = await Promise.all([1, 2, 3].map(() => startApi({ databaseUrl: db.url, env: { DEMO_DATA: 'true' } })));
    const totals = await Promise.all(apis.map(async (api) => (await (await signedIn(api, 'admin@hro.example')).get('/api/v1/camps').expect(200)).body.total));
    expect(totals).toEqual([3, 3, 3]);
    expect(await db.count('users')).toBe(8);
    expect(await db.count('migrations')).toBe(MIGRATIONS.length);
    await Promise.all(apis.map((api) => api.stop()));
    await db.drop();
  }, 90_000);

  describe('first administrator', () => {
    it('is created from ADMIN_EMAIL and ADMIN_PASSWORD on a database without users, and only then', async () => {
      const db = await createTestDatabase();
      const env = { ADMIN_EMAIL: 'Amal@HRO.example', ADMIN_PASSWORD: 'a-long-first-password', ADMIN_ORGANISATION: 'Humanitarian Relief Organization', ADMIN_ORGANISATION_CODE: 'HRO' };
      const api = await startApi({ databaseUrl: db.url, env });
      const admin = await signedIn(api, 'amal@hro.example', 'a-long-first-password');
      expect((await admin.get('/api/v1/auth/session').expect(200)).body.user.role).toBe('admin');
      await api.stop();
      const again = await startApi({ databaseUrl: db.url, env: { ...env, ADMIN_EMAIL: 'other@hro.example' } });
      expect(await db.count('users')).toBe(1);
      await again.stop();
      await db.drop();
    });

    it('refuses a short ADMIN_PASSWORD at start, in one line', async () => {
      const result = await runToExit([API_MAIN], apiEnv({ env: { ADMIN_EMAIL: 'a@b.org', ADMIN_PASSWORD: 'password' } }));
      expect(result.code).not.toBe(0);
      expect(result.stderr.trim()).toBe('relief-ledger: invalid configuration: ADMIN_PASSWORD must be at least 12 characters');
    });

    it('is created by `npm run user:create`, and no user means no known password', async () => {
      const db = await createTestDatabase();
      const quiet = await startApi({ databaseUrl: db.url });
      expect(quiet.output()).toContain('no user exists yet');
      await quiet.stop();
      const result = await runToExit(
        [USER_CREATE_CLI, '--email', 'ops@kidsparadise.example', '--name', 'Ops', '--organisation', 'Kids Paradise', '--code', 'KP', '--role', 'admin'],
        apiEnv({ databaseUrl: db.url, env: { USER_PASSWORD: 'kids-paradise-ops-2019' } }),
      );
      expect(result.stderr).toBe('');
      expect(result.stdout.trim()).toBe('created admin ops@kidsparadise.example in Kids Paradise');
      const api = await startApi({ databaseUrl: db.url });
      await signedIn(api, 'ops@kidsparadise.example', 'kids-paradise-ops-2019');
      await api.stop();
      await db.drop();
    });
  });

  describe('without DATABASE_URL (embedded PostgreSQL)', () => {
    let dataDir: string;
    let pgPort: number;
    const env = () => apiEnv({ env: { DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(pgPort), DEMO_DATA: 'true' } });

    beforeAll(async () => {
      dataDir = await mkdtemp(path.join(os.tmpdir(), 'relief-start-'));
      pgPort = await freePort();
    });

    afterAll(async () => {
      await rm(dataDir, { recursive: true, force: true });
    });

    it('starts its own PostgreSQL, migrates, loads the demo camps, and stops it on Ctrl-C', async () => {
      const api = await startApi({ env: env() as Record<string, string> });
      const http = await signedIn(api, 'coordinator@hro.example');
      const camps: Page<CampResponse> = (await http.get('/api/v1/camps').expect(200)).body;
      expect(camps.items.map((c) => c.nameEn)).toContain('Atmeh border camp (new)');
      expect(api.output()).toContain('DEMO ONLY: sign in as admin@hro.example');
      expect(api.output()).toContain('demo-password-2019');
      await http
        .patch(`/api/v1/camps/${camps.items[0].id}`)
        .send({ version: camps.items[0].version, capacity: 5_555 })
        .expect(200);
      expect(await portOpen(pgPort)).toBe(true);

      expect(await api.stop('SIGINT')).toBe(130);
      expect(await portOpen(pgPort)).toBe(false);
    }, 120_000);

    it('keeps the data across a restart and loads no second copy of the demo', async () => {
      const api = await startApi({ env: env() as Record<string, string> });
      const camps: Page<CampResponse> = (await (await signedIn(api, 'coordinator@hro.example')).get('/api/v1/camps').expect(200)).body;
      expect(camps.total).toBe(3);
      expect(camps.items[0].capacity).toBe(5_555);
      await api.stop('SIGTERM');
    }, 60_000);

    it('refuses a second start on the same data folder while the first runs, in one line', async () => {
      const first = await startApi({ env: env() as Record<string, string> });
      const second = await runToExit([API_MAIN], env());
      expect(second.code).not.toBe(0);
      expect(second.stderr.trim()).toBe(`relief-ledger: another Relief Ledger (pid ${first.process.pid}) is already running on ${dataDir}; stop it first, or set DATA_DIR to another folder`);
      await request(first.url).get('/api/health').expect(200);
      expect(await first.stop('SIGINT')).toBe(130);
    }, 120_000);

    it('never stops a process that is not its own PostgreSQL, whatever a stale pid file says', async () => {
      const stranger = spawn('sleep', ['60']);
      await writeFile(path.join(dataDir, 'pg', 'postmaster.pid'), `${stranger.pid}\n${dataDir}/pg\n`);
      const api = await startApi({ env: env() as Record<string, string> });
      expect(stranger.exitCode).toBeNull();
      expect(stranger.signalCode).toBeNull();
      expect(await api.stop('SIGINT')).toBe(130);
      stranger.kill();
    }, 120_000);

    it('recovers from a crash that left its PostgreSQL running', async () => {
      const crashed = await startApi({ env: env() as Record<string, string> });
      await crashed.stop('SIGKILL');
      expect(await portOpen(pgPort)).toBe(true);

      const api = await startApi({ env: env() as Record<string, string> });
      expect((await (await signedIn(api, 'coordinator@hro.example')).get('/api/v1/camps').expect(200)).body.total).toBe(3);
      expect(await api.stop('SIGINT')).toBe(130);
      expect(await portOpen(pgPort)).toBe(false);
    }, 120_000);
  });
});
