import type { Role } from '@relief-ledger/domain';
import type { EntityManager } from 'typeorm';
import { hashPassword } from '../auth/password-hasher.js';
import { updateReturning } from '../common/database/update-returning.js';

/** Demo only: printed at start and listed in README. Never used outside demo mode. */
export const DEMO_PASSWORD = 'demo-password-2019';

const DOMAINS: Record<string, string> = { HRO: 'hro.example', KP: 'kidsparadise.example' };
const ROLE_NAMES: Array<[Role, string]> = [
  ['admin', 'Admin'],
  ['coordinator', 'Coordinator'],
  ['field', 'Field officer'],
  ['manager', 'Manager'],
];

export function demoEmails(): string[] {
  return Object.values(DOMAINS).flatMap((domain) => ROLE_NAMES.map(([role]) => `${role}@${domain}`));
}

/** One user per role in each demo organisation, e.g. field@hro.example. */
export async function insertDemoUsers(manager: EntityManager, organisationIds: Map<string, string>): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const [shortCode, domain] of Object.entries(DOMAINS)) {
    for (const [role, title] of ROLE_NAMES) {
      await manager.query(`INSERT INTO users (organisation_id, name, email, role, password_hash) VALUES ($1, $2, $3, $4, $5)`, [
        organisationIds.get(shortCode),
        `${title} (${shortCode})`,
        `${role}@${domain}`,
        role,
        passwordHash,
      ]);
    }
  }
}

/**
 * Outside demo mode no account with the published demo password may work: a database that once
 * held demo data and went on to real use keeps the accounts (the audit trail names them), disabled.
 */
export async function disableDemoUsers(manager: EntityManager): Promise<number> {
  const rows = await updateReturning<{ id: string; organisation_id: string }>(
    manager,
    `UPDATE users SET active = false, version = version + 1, updated_at = now() WHERE email = ANY($1) AND active RETURNING id, organisation_id`,
    [demoEmails()],
  );
  for (const row of rows) {
    await manager.query(`UPDATE sessions SET ended_at = now() WHERE user_id = $1 AND ended_at IS NULL`, [row.id]);
    await manager.query(`UPDATE api_tokens SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL`, [row.id]);
    await manager.query(
      `INSERT INTO audit_log (organisation_id, user_id, action, entity, entity_id, changed_fields) VALUES ($1, NULL, 'disable_demo_account', 'user', $2, '{active}')`,
      [row.organisation_id, row.id],
    );
  }
  return rows.length;
}
