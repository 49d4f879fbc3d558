import { Inject, Injectable } from '@nestjs/common';
import { checkPassword, fieldProblem, type DigitSystem, type Language, type Role, type SessionResponse } from '@relief-ledger/domain';
import type { FastifyRequest } from 'fastify';
import { DataSource } from 'typeorm';
import { APP_CONFIG } from '../app-config.token.js';
import { AuditService, changedFieldNames } from '../audit/audit.service.js';
import type { AppConfig } from '../config/app-config.js';
import type { Actor } from '../common/actor.js';
import { AuthException } from './auth.exception.js';
import type { PreferencesDto } from './dto/auth.dto.js';
import { hashPassword, verifyPassword } from './password-hasher.js';
import { ValidationException } from '../common/problem/app-exception.js';
import { runPrepared } from '../common/database/prepared-statement.js';
import { establishing, useOrganisation } from '../common/database/organisation-context.js';
import { updateReturning } from '../common/database/update-returning.js';
import { hashToken, newSecretToken } from './secret-token.js';
import { readSessionCookie } from './session-cookie.js';
import { forgetFailures, recordFailure, refuseIfThrottled } from './sign-in-throttle.js';

interface ActorRow {
  user_id: string;
  organisation_id: string;
  role: Role;
  name: string;
  credential_id: string;
  touch: boolean;
}

// Every authenticated request runs one of these two, prepared once per pooled connection:
// functions that run as the owner (migration OrganisationBoundary), since until they answer,
// the request has no organisation and row-level security shows it no session or user.
export const SESSION_ACTOR = {
  name: 'auth.session-actor',
  text: `SELECT user_id, organisation_id, role, name, credential_id, touch FROM relief_session_actor($1, $2)`,
};
const API_TOKEN_ACTOR = {
  name: 'auth.api-token-actor',
  text: `SELECT user_id, organisation_id, role, name, credential_id, touch FROM relief_api_token_actor($1)`,
};

export interface SignedIn {
  session: SessionResponse;
  token: string;
  maxAgeSeconds: number;
}

@Injectable()
export class AuthService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async signIn(emailInput: string, password: string, address: string): Promise<SignedIn> {
    const email = emailInput.trim().toLowerCase();
    const limits = this.config.auth;
    // Attempts on one account or from one address take turns (email lock first, then address:
    // one order, no deadlock), so parallel guesses cannot all pass the count before any is recorded.
    // Only shared tables and the owner's lookup function here: the organisation is not known yet.
    const user = await establishing(() => this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('sign-in:' || $1)), pg_advisory_xact_lock(hashtext('sign-in-address:' || $2))`, [email, address]);
      await refuseIfThrottled(manager, limits, { email, address });
      const [row]: Array<{ id: string; password_hash: string; active: boolean; organisation_id: string }> = await manager.query(
        `SELECT id, password_hash, active, organisation_id FROM relief_sign_in_user($1)`,
        [email],
      );
      const passwordMatches = await verifyPassword(row?.password_hash, password);
      if (!row || !passwordMatches || !row.active) {
        await recordFailure(manager, { email, address });
        return null;
      }
      return row;
    }));
    if (!user) throw AuthException.invalidCredentials();
    useOrganisation(user.organisation_id);

    const token = newSecretToken();
    const maxAgeSeconds = limits.sessionMaxHours * 3600;
    const sessionId = await this.dataSource.transaction(async (manager) => {
      await forgetFailures(manager, email);
      const [row] = await manager.query(
        `INSERT INTO sessions (token_hash, user_id, organisation_id, expires_at) VALUES ($1, $2, $3, now() + make_interval(secs => $4)) RETURNING id`,
        [hashToken(token), user.id, user.organisation_id, maxAgeSeconds],
      );
      await this.audit.record(manager, { userId: user.id, organisationId: user.organisation_id }, { action: 'sign_in', entity: 'session', entityId: row.id });
      return row.id as string;
    });
    return { session: await this.describeUser(user.id, sessionId), token, maxAgeSeconds };
  }

  async signOut(actor: Actor): Promise<void> {
    if (!actor.sessionId) return;
    await this.dataSource.transaction(async (manager) => {
      const ended = await updateReturning(manager, `UPDATE sessions SET ended_at = now() WHERE id = $1 AND ended_at IS NULL RETURNING id`, [actor.sessionId]);
      // Two sign-outs racing on one session: only the one that ended it is recorded.
      if (ended.length) await this.audit.record(manager, actor, { action: 'sign_out', entity: 'session', entityId: actor.sessionId });
    });
  }

  /**
   * The password an admin handed over is replaced by one only the user knows; every other
   * session of the user ends (a phone left behind stays signed out), this one stays.
   */
  async changePassword(actor: Actor, currentPassword: string, newPassword: string): Promise<void> {
    const [user]: Array<{ email: string; password_hash: string }> = await this.dataSource.query(`SELECT email, password_hash FROM users WHERE id = $1`, [actor.userId]);
    if (!(await verifyPassword(user?.password_hash, currentPassword))) {
      throw AuthException.wrongPassword();
    }
    const problems = checkPassword({ password: newPassword, email: user.email }).map((p) => ({ ...p, field: 'newPassword' }));
    if (problems.length) throw new ValidationException(problems);
    const passwordHash = await hashPassword(newPassword);
    await this.dataSource.transaction(async (manager) => {
      await manager.query(`UPDATE users SET password_hash = $2, updated_at = now() WHERE id = $1`, [actor.userId, passwordHash]);
      await manager.query(`UPDATE sessions SET ended_at = now() WHERE user_id = $1 AND ended_at IS NULL AND id IS DISTINCT FROM $2`, [actor.userId, actor.sessionId ?? null]);
      await this.audit.record(manager, actor, { action: 'change_password', entity: 'user', entityId: actor.userId, changedFields: ['password'] });
    });
  }

  /**
   * The actor behind a request: an API token (Authorization: Bearer) or a browser session
   * (cookie). Either ends at once when its user is disabled, as both are checked against the
   * user on every request.
   */
  async authenticate(request: FastifyRequest): Promise<Actor | null> {
    const authorization = request.headers.authorization;
    if (authorization) {
      const match = /^Bearer\s+(\S+)$/i.exec(authorization);
      return match ? this.actorFromApiToken(match[1]) : null;
    }
    const cookie = readSessionCookie(request);
    return cookie ? this.actorFromSession(cookie) : null;
  }

  private async actorFromSession(token: string): Promise<Actor | null> {
    const [row] = await establishing(() => runPrepared<ActorRow>(this.dataSource, SESSION_ACTOR, [hashToken(token), this.config.auth.sessionIdleMinutes]));
    if (!row) return null;
    useOrganisation(row.organisation_id);
    // At most one write a minute per session keeps the idle clock without a write per request.
    if (row.touch) await this.dataSource.query(`UPDATE sessions SET last_seen_at = now() WHERE id = $1`, [row.credential_id]);
    return { userId: row.user_id, organisationId: row.organisation_id, role: row.role, name: row.name, sessionId: row.credential_id };
  }

  private async actorFromApiToken(token: string): Promise<Actor | null> {
    const [row] = await establishing(() => runPrepared<ActorRow>(this.dataSource, API_TOKEN_ACTOR, [hashToken(token)]));
    if (!row) return null;
    useOrganisation(row.organisation_id);
    if (row.touch) await this.dataSource.query(`UPDATE api_tokens SET last_used_at = now() WHERE id = $1`, [row.credential_id]);
    return { userId: row.user_id, organisationId: row.organisation_id, role: row.role, name: row.name, apiTokenId: row.credential_id };
  }

  /** The user's own language and digits; audited like every write (the field names, not the choice). */
  async setPreferences(actor: Actor, dto: PreferencesDto): Promise<SessionResponse> {
    const changed = changedFieldNames(dto);
    if (changed.length === 0) throw new ValidationException([fieldProblem('body', 'field.change_something')]);
    await this.dataSource.transaction(async (manager) => {
      await manager.query(`UPDATE users SET language = coalesce($2, language), digits = coalesce($3, digits) WHERE id = $1`, [actor.userId, dto.language ?? null, dto.digits ?? null]);
      await this.audit.record(manager, actor, { action: 'update', entity: 'user', entityId: actor.userId, changedFields: changed });
    });
    return this.describe(actor);
  }

  describe(actor: Actor): Promise<SessionResponse> {
    return this.describeUser(actor.userId, actor.sessionId ?? null);
  }

  /** The user and organisation; with a session, its expiry (an API token has none). */
  private async describeUser(userId: string, sessionId: string | null): Promise<SessionResponse> {
    const [row] = await this.dataSource.query(
      `SELECT u.id, u.name, u.email, u.role, u.language, u.digits, o.id AS organisation_id, o.name AS organisation_name, o.short_code, s.expires_at
       FROM users u JOIN organisations o ON o.id = u.organisation_id LEFT JOIN sessions s ON s.id = $2 WHERE u.id = $1`,
      [userId, sessionId],
    );
    return toSessionResponse(row, row.expires_at);
  }
}

function toSessionResponse(
  row: { id: string; name: string; email: string; role: Role; language: Language | null; digits: DigitSystem; organisation_id: string; organisation_name: string; short_code: string },
  expiresAt: Date | null,
): SessionResponse {
  return {
    user: { id: row.id, name: row.name, email: row.email, role: row.role, language: row.language, digits: row.digits },
    organisation: { id: row.organisation_id, name: row.organisation_name, shortCode: row.short_code },
    expiresAt: (expiresAt ?? new Date(8.64e15)).toISOString(),
  };
}
