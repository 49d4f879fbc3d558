import { AuditEntryResponse, UserResponse } from '@relief-ledger/domain';

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
    recordLabel: 'Atmeh border camp (new)',
    target: { kind: 'camp', id: '7d1c2a8e-0000-4000-8000-000000000001' },
    ...overrides,
  };
}
