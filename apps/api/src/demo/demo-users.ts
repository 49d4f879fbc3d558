import type { Role } from '@relief-ledger/domain';
import type { EntityManager } from 'typeorm';
import { hashPassword } from '../auth/password-hasher.js';

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
