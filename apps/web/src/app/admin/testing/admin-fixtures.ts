import { ApiTokenResponse, AuditEntryResponse, CreatedApiTokenResponse, UserResponse } from '@relief-ledger/domain';

/** Test data shaped like the API's answers. */
export function aUser(overrides: Partial<UserResponse> = {}): UserResponse {
  return {
    id: 'user-field',
    organisationId: 'org-hro',
    name: 'Omar Khalil',
    email: 'omar.khalil@hro.example',
    role: 'field',
    active: true,
    version: 2,
    createdAt: '2019-12-01T08:00:00.000Z',
    ...overrides,
  };
}

export function anApiToken(overrides: Partial<ApiTokenResponse> = {}): ApiTokenResponse {
  return {
    id: 'token-1',
    name: 'KoboToolbox sync',
    userId: 'user-field',
    userName: 'Omar Khalil',
    createdAt: '2019-12-10T08:00:00.000Z',
    lastUsedAt: '2019-12-23T06:30:00.000Z',
    revokedAt: null,
    ...overrides,
  };
}

export function aCreatedApiToken(overrides: Partial<CreatedApiTokenResponse> = {}): CreatedApiTokenResponse {
  return { ...anApiToken({ id: 'token-2', name: 'Stock export', lastUsedAt: null }), token: 'rl_live_7Qk2v9XwPz4mN8rT', ...overrides };
}

export function anAuditEntry(overrides: Partial<AuditEntryResponse> = {}): AuditEntryResponse {
  return {
    id: 'audit-1',
    at: '2019-12-23T14:00:00.000Z',
    userId: 'user-coordinator',
    userName: 'Layla Haddad',
    action: 'update',
    entity: 'camp',
    entityId: '7d1c2a8e-0000-4000-8000-000000000001',
    changedFields: ['population', 'households'],
    ...overrides,
  };
}
