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

export interface AuditEntryResponse {
  id: string;
  at: string;
  userId: string | null;
  userName: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  changedFields: string[];
}

/** Reads of sensitive records (a convoy's route and times, the user and token lists, the trail itself, exports). */
export const AUDIT_READ_ACTIONS = ['read', 'export'] as const;
export type AuditKind = 'read' | 'write';

export interface AuditListQuery {
  entity?: string;
  entityId?: string;
  /** Only reads of sensitive records, or only writes (sign-ins included). */
  kind?: AuditKind;
  page?: number;
  pageSize?: number;
}
