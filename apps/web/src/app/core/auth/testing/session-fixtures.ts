import { TestBed } from '@angular/core/testing';
import { Role, SessionResponse } from '@relief-ledger/domain';

import { SessionStore } from '../session-store';

/** A session as the API answers it: a coordinator of HRO unless told otherwise. */
export function aSession(role: Role = 'coordinator', overrides: Partial<SessionResponse['user']> = {}): SessionResponse {
  return {
    user: { id: `user-${role}`, name: 'Layla Haddad', email: `${role}@hro.example`, role, language: null, digits: 'latn', ...overrides },
    organisation: { id: 'org-hro', name: 'Humanitarian Relief Organization', shortCode: 'HRO' },
    expiresAt: '2019-12-24T18:00:00.000Z',
  };
}

/** Signs in as `role` for a TestBed spec, without HTTP. */
export function signInAs(role: Role, overrides: Partial<SessionResponse['user']> = {}): SessionResponse {
  const session = aSession(role, overrides);
  TestBed.inject(SessionStore).startSession(session);
  return session;
}
