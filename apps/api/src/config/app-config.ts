import path from 'node:path';
import { checkPassword } from '@relief-ledger/domain';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface AppConfig {
  port: number;
  host: string;
  /** Absent: start the embedded PostgreSQL under `dataDir`. The owner of the tables: migrations run as it. */
  databaseUrl: string | null;
  /** The login the app serves requests with (a role that owns nothing); absent: `relief_app`, given a login by the app. */
  databaseAppUrl: string | null;
  dataDir: string;
  embeddedPostgresPort: number;
  /** Load the demo organisations, places and camps into an empty database. */
  demoData: boolean;
  logLevel: LogLevel;
  /** Folder of the built web app; the API serves it from the same port. */
  webDist: string;
  /** Behind reverse proxies: how many hops (or which proxy addresses) to trust in X-Forwarded-For. */
  trustProxy: false | number | string[];
  production: boolean;
  auth: {
    /** A session unused this long ends (a phone left in a car at a checkpoint). */
    sessionIdleMinutes: number;
    /** A session ends this long after sign-in, used or not. */
    sessionMaxHours: number;
    /** Failed sign-ins per account within the window before 429. */
    signInMaxFailures: number;
    /** Failed sign-ins per address within the window before 429 (offices share one address). */
    signInMaxFailuresPerAddress: number;
    signInWindowMinutes: number;
  };
  /** Requests per minute per client address across the API; a person never reaches it. */
  rateLimitPerMinute: number;
  /** Keep-alive of the live event stream; the credential is checked again at each one. */
  liveHeartbeatSeconds: number;
  /** A request that has not answered by then gets a 503, and its database statements are cancelled. */
  requestTimeoutSeconds: number;
  /** Origins allowed to call the API from a browser; empty: same origin only. */
  corsOrigins: string[];
  /** First administrator, created at start when the database has no user yet. */
  bootstrapAdmin: { email: string; password: string; name: string; organisation: string; shortCode: string } | null;
}

/** A configuration the app cannot start with; its message is the one line the operator sees. */
export class ConfigError extends Error {}

type Env = Record<string, string | undefined>;

function readPort(env: Env, name: string, fallback: number, min = 1): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d{1,5}$/.test(raw) || Number(raw) < min || Number(raw) > 65535) {
    throw new ConfigError(`${name} must be a port number from ${min} to 65535 (got "${raw}")`);
  }
  return Number(raw);
}

function readInt(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
  }
  return Number(raw);
}

function readBootstrapAdmin(env: Env): AppConfig['bootstrapAdmin'] {
  const { ADMIN_EMAIL: email, ADMIN_PASSWORD: password } = env;
  if (!email && !password) return null;
  if (!email || !password) throw new ConfigError('ADMIN_EMAIL and ADMIN_PASSWORD go together: set both, or neither');
  if (!/^[^@\s]+@[^@\s]+$/.test(email)) throw new ConfigError(`ADMIN_EMAIL is not an email address (got "${email}")`);
  const problems = checkPassword({ password, email });
  if (problems.length) throw new ConfigError(`ADMIN_PASSWORD ${problems[0].reason}`);
  return {
    email: email.toLowerCase(),
    password,
    name: env.ADMIN_NAME || 'Administrator',
    organisation: env.ADMIN_ORGANISATION || 'My organisation',
    shortCode: env.ADMIN_ORGANISATION_CODE || 'ORG',
  };
}

/**
 * Trusting every hop would let a client write its own address into X-Forwarded-For and dodge
 * the per-address limits; so `true` means the one proxy in front, a number that many hops.
 */
function readTrustProxy(env: Env): AppConfig['trustProxy'] {
  const raw = (env.TRUST_PROXY ?? '').trim().toLowerCase();
  if (raw === '' || raw === 'false' || raw === '0') return false;
  if (raw === 'true') return 1;
  if (/^\d{1,2}$/.test(raw)) return Number(raw);
  const addresses = raw.split(',').map((a) => a.trim()).filter(Boolean);
  if (addresses.every((a) => /^[0-9a-f.:/]+$/.test(a))) return addresses;
  throw new ConfigError(`TRUST_PROXY must be false, true (one proxy), a number of proxies, or their addresses (got "${env.TRUST_PROXY}")`);
}

function readBoolean(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name]?.toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (['true', '1', 'yes'].includes(raw)) return true;
  if (['false', '0', 'no'].includes(raw)) return false;
  throw new ConfigError(`${name} must be true or false (got "${env[name]}")`);
}

function readDatabaseUrl(env: Env, name = 'DATABASE_URL'): string | null {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`${name} is not a URL (expected postgres://user:password@host:5432/database)`);
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new ConfigError(`${name} must start with postgres:// or postgresql:// (got "${url.protocol}//")`);
  }
  return raw;
}

/** Reads and checks the environment once, at start. Every problem is a ConfigError with one line. */
export function loadConfig(env: Env = process.env): AppConfig {
  const production = env.NODE_ENV === 'production';
  const logLevel = (env.LOG_LEVEL ?? 'info') as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')} (got "${env.LOG_LEVEL}")`);
  }
  return {
    // PORT=0 takes any free port (the tests run several instances side by side).
    port: readPort(env, 'PORT', 3000, 0),
    // Loopback unless told otherwise: a laptop in a field office should not serve its LAN by accident.
    host: env.HOST || '127.0.0.1',
    databaseUrl: readDatabaseUrl(env),
    databaseAppUrl: readDatabaseUrl(env, 'DATABASE_APP_URL'),
    dataDir: path.resolve(env.DATA_DIR || '.data'),
    embeddedPostgresPort: readPort(env, 'EMBEDDED_PG_PORT', 54329),
    // Demo accounts have a published password: only by default on a laptop's own embedded
    // database, never when an administrator is being set up or a real server is named.
    demoData: readBoolean(env, 'DEMO_DATA', !production && !env.DATABASE_URL && !env.ADMIN_EMAIL),
    logLevel,
    webDist: path.resolve(env.WEB_DIST || 'apps/web/dist/browser'),
    trustProxy: readTrustProxy(env),
    auth: {
      sessionIdleMinutes: readInt(env, 'SESSION_IDLE_MINUTES', 12 * 60, 1, 30 * 24 * 60),
      sessionMaxHours: readInt(env, 'SESSION_MAX_HOURS', 7 * 24, 1, 90 * 24),
      signInMaxFailures: readInt(env, 'SIGN_IN_MAX_FAILURES', 5, 1, 1000),
      signInMaxFailuresPerAddress: readInt(env, 'SIGN_IN_MAX_FAILURES_PER_ADDRESS', 50, 1, 100_000),
      signInWindowMinutes: readInt(env, 'SIGN_IN_WINDOW_MINUTES', 15, 1, 24 * 60),
    },
    rateLimitPerMinute: readInt(env, 'RATE_LIMIT_PER_MINUTE', 1200, 1, 1_000_000),
    liveHeartbeatSeconds: readInt(env, 'LIVE_HEARTBEAT_SECONDS', 25, 1, 300),
    requestTimeoutSeconds: readInt(env, 'REQUEST_TIMEOUT_SECONDS', 30, 1, 3600),
    corsOrigins: (env.CORS_ORIGINS ?? '').split(',').map((o) => o.trim()).filter(Boolean),
    bootstrapAdmin: readBootstrapAdmin(env),
    production,
  };
}

/** The URL with its password replaced, safe for logs and error messages. */
export function redactDatabaseUrl(databaseUrl: string): string {
  try {
    const url = new URL(databaseUrl);
    if (url.password) url.password = '***';
    // libpq also takes the password as a query parameter.
    if (url.searchParams.has('password')) url.searchParams.set('password', '***');
    return url.toString().replace('password=%2A%2A%2A', 'password=***');
  } catch {
    return '(unparseable DATABASE_URL)';
  }
}
