import type { DigitSystem, Language } from '../i18n/languages';
import { Role } from './roles';

export interface SignInRequest {
  email: string;
  password: string;
}

/** Who is signed in; answered by sign-in and by GET /api/v1/auth/session. */
export interface SessionResponse {
  user: {
    id: string;
    name: string;
    email: string;
    role: Role;
    /** The language the user chose (it follows them to another phone); null until they choose. */
    language: Language | null;
    /** Latin digits by default; Arabic-Indic by choice. */
    digits: DigitSystem;
  };
  organisation: { id: string; name: string; shortCode: string };
  /** When the session ends at the latest (it also ends after a period without use). */
  expiresAt: string;
}

/** What the user chooses for themselves: PUT /api/v1/auth/preferences. Either may be left out. */
export interface PreferencesRequest {
  language?: Language;
  digits?: DigitSystem;
}

export interface UserResponse {
  id: string;
  organisationId: string;
  name: string;
  email: string;
  role: Role;
  active: boolean;
  version: number;
  createdAt: string;
}

export interface CreateUserRequest {
  name: string;
  email: string;
  role: Role;
  /** At least 12 characters; the admin hands it over, the user changes it (POST /auth/password). */
  password: string;
}

export interface UpdateUserRequest {
  version?: number;
  name?: string;
  role?: Role;
  /** false disables the user and ends all their sessions at once. */
  active?: boolean;
}

export interface ApiTokenResponse {
  id: string;
  name: string;
  userId: string;
  userName: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** Only the answer to creating a token carries the token itself; it is never shown again. */
export interface CreatedApiTokenResponse extends ApiTokenResponse {
  token: string;
}

/** A personal token acts as the admin who creates it. */
export interface CreateApiTokenRequest {
  name: string;
}

export interface ChangePasswordRequest {
  currentPassword: string;
  newPassword: string;
}

/** The records an audit row can lead to, each with a page (or a list) of its own in the web app. */
export const AUDIT_TARGET_KINDS = ['camp', 'convoy', 'user', 'api_token', 'incident', 'pause_window', 'route', 'stock_point'] as const;
export type AuditTargetKind = (typeof AUDIT_TARGET_KINDS)[number];

export interface AuditTarget {
  kind: AuditTargetKind;
  id: string;
}

/**
 * The actions the trail records, in the words the web app turns into phrases ("signed in",
 * "checked in convoy …"). A convoy's status change is recorded as its new status; a stock
 * movement as its kind. An action not listed (a newer server) still shows, in general words.
 */
export const AUDIT_ACTIONS = [
  'sign_in',
  'sign_out',
  'change_password',
  'create',
  'update',
  'close',
  'revoke',
  'import',
  'check_in',
  'departed',
  'arrived',
  'aborted',
  'struck',
  'receipt',
  'transfer',
  'loss',
  'adjustment',
  'reversal',
  'read',
  'export',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditEntryResponse {
  id: string;
  at: string;
  userId: string | null;
  userName: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  changedFields: string[];
  /** The record's name where it has one: a camp's, a convoy's, a user's, a stock point's (a movement's). */
  recordLabel: string | null;
  /** Where to look at the record: itself, or what holds it (a movement's stock point, a session's user). */
  target: AuditTarget | null;
}

/** Someone who appears in the organisation's audit trail, to filter it by. */
export interface AuditPersonResponse {
  id: string;
  name: string;
}

/** Reads of sensitive records (a convoy's route and times, the user and token lists, the trail itself, exports). */
export const AUDIT_READ_ACTIONS = ['read', 'export'] as const;
export type AuditKind = 'read' | 'write';

export interface AuditListQuery {
  entity?: string;
  entityId?: string;
  /** What one person did. */
  userId?: string;
  action?: string;
  /** Instants: from inclusive, to exclusive. */
  from?: string;
  to?: string;
  /** Only reads of sensitive records, or only writes (sign-ins included). */
  kind?: AuditKind;
  page?: number;
  pageSize?: number;
}
