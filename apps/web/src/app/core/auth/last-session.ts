import { SessionResponse } from '@relief-ledger/domain';

import { isRecord } from '../http/read-json';

const KEY = 'relief-ledger.last-session';

/**
 * Who was last signed in on this browser, so a field worker opening the app with no connection gets
 * their screens rather than the sign-in page (which could not sign them in anyway). Only names and the
 * role: the session itself is an HttpOnly cookie, and the server still decides on every request.
 */
export const lastSession = {
  read(): SessionResponse | null {
    try {
      const value: unknown = JSON.parse(localStorage.getItem(KEY) ?? 'null');
      return isRecord(value) && isRecord(value['user']) && isRecord(value['organisation']) ? (value as unknown as SessionResponse) : null;
    } catch {
      return null;
    }
  },
  write(session: SessionResponse | null): void {
    try {
      if (session) localStorage.setItem(KEY, JSON.stringify(session));
      else localStorage.removeItem(KEY);
    } catch {
      // Storage refused (private mode, full): the app still works online.
    }
  },
};
