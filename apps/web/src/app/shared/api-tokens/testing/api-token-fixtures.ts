import { ApiTokenResponse, CreatedApiTokenResponse } from '@relief-ledger/domain';

/** A token as the API answers it: Omar's KoboToolbox sync, used this morning. */
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
