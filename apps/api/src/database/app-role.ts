import { createHmac } from 'node:crypto';
import type { DataSource } from 'typeorm';

/** The role the app serves requests as: it owns nothing, is no superuser, and sits under row-level security. */
export const APP_ROLE = 'relief_app';

/**
 * The app role's password, derived from the owner's: every instance that knows the owner's URL
 * derives the same one (so several instances can start at once), and changing the owner's
 * password changes it at the next start. An owner without a password (trust authentication)
 * gives a fixed one, which that server does not ask for either.
 */
export function appRolePassword(ownerUrl: string): string {
  const owner = new URL(ownerUrl);
  return createHmac('sha256', decodeURIComponent(owner.password)).update(`relief-ledger:${APP_ROLE}:${decodeURIComponent(owner.username)}`).digest('base64url');
}

/** The owner's URL with the app role's login in it: same server and database. */
export function appRoleUrl(ownerUrl: string): string {
  const url = new URL(ownerUrl);
  url.username = APP_ROLE;
  url.password = appRolePassword(ownerUrl);
  return url.toString();
}

/**
 * Gives the app role (created by the migrations, without a login) its login and password, as
 * the owner. Needs the owner to be allowed to (a superuser, or CREATEROLE with the role granted
 * to it); otherwise the operator creates a login role and sets DATABASE_APP_URL (README).
 */
export async function enableAppRoleLogin(owner: DataSource, ownerUrl: string): Promise<string> {
  const password = appRolePassword(ownerUrl);
  // ALTER ROLE takes no parameters: the password is quoted by PostgreSQL's own quote_literal.
  const [{ statement }] = await owner.query(`SELECT format('ALTER ROLE %I LOGIN PASSWORD %L', $1::text, $2::text) AS statement`, [APP_ROLE, password]);
  // Instances starting at once (on this database or another of the same server: roles are the
  // server's) set the same password; PostgreSQL refuses the second of two simultaneous changes
  // of one role ("tuple concurrently updated"), so it is simply tried again.
  for (let attempt = 1; ; attempt++) {
    try {
      await owner.query(statement);
      return appRoleUrl(ownerUrl);
    } catch (error) {
      if (attempt >= 10 || !/concurrently updated/.test(error instanceof Error ? error.message : '')) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20 * attempt));
    }
  }
}
