import type { EntityManager } from 'typeorm';
import type { AppConfig } from '../config/app-config.js';
import { AuthException } from './auth.exception.js';

/**
 * Counts recent failed sign-ins per account and per address in PostgreSQL, so every API
 * instance sees the same count. A time window, not a lock: the real user gets in again once the
 * window has passed, whatever an attacker does meanwhile.
 */
export async function refuseIfThrottled(
  manager: EntityManager,
  limits: AppConfig['auth'],
  { email, address }: { email: string; address: string },
): Promise<void> {
  const [row] = await manager.query(
    `SELECT
       count(*) FILTER (WHERE email = $1)::int AS by_email,
       min(at) FILTER (WHERE email = $1) AS first_by_email,
       count(*) FILTER (WHERE address = $2)::int AS by_address,
       min(at) FILTER (WHERE address = $2) AS first_by_address
     FROM sign_in_failures
     WHERE (email = $1 OR address = $2) AND at > now() - make_interval(mins => $3)`,
    [email, address, limits.signInWindowMinutes],
  );
  const windowMs = limits.signInWindowMinutes * 60_000;
  const retryAfter = (first: Date) => Math.max(1, Math.ceil((first.getTime() + windowMs - Date.now()) / 1000));
  if (row.by_email >= limits.signInMaxFailures) throw AuthException.throttled(retryAfter(row.first_by_email));
  if (row.by_address >= limits.signInMaxFailuresPerAddress) throw AuthException.throttled(retryAfter(row.first_by_address));
}

export async function recordFailure(manager: EntityManager, { email, address }: { email: string; address: string }): Promise<void> {
  await manager.query(`INSERT INTO sign_in_failures (email, address) VALUES ($1, $2)`, [email, address]);
  // Keep the table small: nothing older than a day is ever counted.
  await manager.query(`DELETE FROM sign_in_failures WHERE at < now() - interval '1 day'`);
}

export async function forgetFailures(manager: EntityManager, email: string): Promise<void> {
  await manager.query(`DELETE FROM sign_in_failures WHERE email = $1`, [email]);
}
