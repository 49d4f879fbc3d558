import { checkPassword, ROLES, type Role } from '@relief-ledger/domain';
import type { EntityManager } from 'typeorm';
import { hashPassword } from '../auth/password-hasher.js';

export interface NewUser {
  email: string;
  password: string;
  name: string;
  role: Role;
  organisation: string;
  shortCode: string;
}

/** Outside the API (first start, `npm run user:create`): the organisation is found by name or created. */
export async function createUserWithOrganisation(manager: EntityManager, user: NewUser): Promise<{ userId: string; organisationId: string }> {
  const problems = checkPassword({ password: user.password, email: user.email });
  if (problems.length) throw new Error(`password ${problems[0].reason}`);
  if (!ROLES.includes(user.role)) throw new Error(`role must be one of ${ROLES.join(', ')}`);
  const [organisation] = await manager.query(
    `INSERT INTO organisations (name, short_code) VALUES ($1, $2)
     ON CONFLICT (name) DO UPDATE SET name = EXCLUDED.name RETURNING id`,
    [user.organisation, user.shortCode],
  );
  const [row] = await manager.query(
    `INSERT INTO users (organisation_id, name, email, role, password_hash) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [organisation.id, user.name, user.email.toLowerCase(), user.role, await hashPassword(user.password)],
  );
  await manager.query(`INSERT INTO audit_log (organisation_id, user_id, action, entity, entity_id, changed_fields) VALUES ($1, NULL, 'create', 'user', $2, $3)`, [
    organisation.id,
    row.id,
    ['email', 'name', 'role'],
  ]);
  return { userId: row.id, organisationId: organisation.id };
}

/** ADMIN_EMAIL/ADMIN_PASSWORD at first start: only when the database has no user at all. */
export async function createBootstrapAdminIfNoUsers(manager: EntityManager, admin: Omit<NewUser, 'role'>): Promise<boolean> {
  await manager.query(`SELECT pg_advisory_xact_lock(hashtext('relief-ledger:bootstrap-admin'))`);
  const [{ count }] = await manager.query(`SELECT count(*)::int AS count FROM users`);
  if (count > 0) return false;
  await createUserWithOrganisation(manager, { ...admin, role: 'admin' });
  return true;
}
