import { Injectable } from '@angular/core';
import { FieldKitResponse } from '@relief-ledger/domain';
import type { DBSchema, IDBPDatabase } from 'idb';

import { readFieldKitOrThrow } from './field-kit-api';

/** One user's last field kit, kept on this phone. */
export interface StoredFieldKit {
  userId: string;
  kit: FieldKitResponse;
}

interface FieldKitDatabase extends DBSchema {
  kits: { key: string; value: StoredFieldKit };
}

/** A database of its own, so that its versions never wait on the outbox's. */
const DATABASE = 'relief-ledger-field-kit';
const STORE = 'kits';

/**
 * The field kit as last read online, per user, in IndexedDB. A phone is often shared by a team:
 * each person's copy is under their user id, and signing in drops everyone else's. Storage may
 * be missing or refused (private browsing, a full disk); the screens then work online only,
 * which is what they did before, so every failure here reads as "nothing kept".
 */
@Injectable({ providedIn: 'root' })
export class FieldKitCache {
  private database: Promise<IDBPDatabase<FieldKitDatabase> | undefined> | undefined;

  async read(userId: string): Promise<StoredFieldKit | undefined> {
    try {
      const stored = await (await this.open())?.get(STORE, userId);
      return stored && { userId, kit: readFieldKitOrThrow(stored.kit) };
    } catch {
      return undefined;
    }
  }

  async write(userId: string, kit: FieldKitResponse): Promise<void> {
    try {
      await (await this.open())?.put(STORE, { userId, kit });
    } catch {
      // Not kept: offline, the form says it has nothing to work from, as it did before.
    }
  }

  /** Drops every other user's copy: what one person's phone showed is not the next person's to see. */
  async keepOnly(userId: string): Promise<void> {
    try {
      const database = await this.open();
      if (!database) return;
      const others = (await database.getAllKeys(STORE)).filter((key) => key !== userId);
      await Promise.all(others.map((key) => database.delete(STORE, key)));
    } catch {
      // Nothing to drop when nothing could be stored.
    }
  }

  // idb is loaded on first use, so that the sign-in page does not carry it.
  private open(): Promise<IDBPDatabase<FieldKitDatabase> | undefined> {
    this.database ??=
      typeof indexedDB === 'undefined'
        ? Promise.resolve(undefined)
        : import('idb')
            .then(({ openDB }) => openDB<FieldKitDatabase>(DATABASE, 1, { upgrade: (database) => database.createObjectStore(STORE, { keyPath: 'userId' }) }))
            .catch(() => undefined);
    return this.database;
  }
}
