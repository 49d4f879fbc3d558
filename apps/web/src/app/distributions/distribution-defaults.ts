import { inject, Injectable } from '@angular/core';

import { SessionStore } from '../core/auth/session-store';

/** What the distribution form starts with: the camp, item and stock point of the last entry. */
export interface DistributionDefaults {
  campId?: string;
  itemId?: string;
  stockPointId?: string;
}

const KEY_PREFIX = 'relief-ledger.distribution-defaults.';

/**
 * Remembers the last entry's choices in this browser, per user: on a phone shared by a team, each
 * person gets their own camp back. Storage may be off or full (private browsing); the form then
 * simply starts empty.
 */
@Injectable({ providedIn: 'root' })
export class DistributionDefaultsStore {
  private readonly session = inject(SessionStore);

  read(): DistributionDefaults {
    const key = this.key();
    if (!key) return {};
    try {
      const stored: unknown = JSON.parse(localStorage.getItem(key) ?? '{}');
      if (typeof stored !== 'object' || stored === null) return {};
      const { campId, itemId, stockPointId } = stored as Record<string, unknown>;
      return {
        ...(typeof campId === 'string' ? { campId } : {}),
        ...(typeof itemId === 'string' ? { itemId } : {}),
        ...(typeof stockPointId === 'string' ? { stockPointId } : {}),
      };
    } catch {
      return {};
    }
  }

  remember(defaults: DistributionDefaults): void {
    const key = this.key();
    if (!key) return;
    try {
      localStorage.setItem(key, JSON.stringify(defaults));
    } catch {
      // Not remembered; the next entry starts from empty fields, which is no harm.
    }
  }

  private key(): string | undefined {
    const userId = this.session.session()?.user.id;
    return userId ? `${KEY_PREFIX}${userId}` : undefined;
  }
}
