import { InjectionToken } from '@angular/core';
import { IDBPDatabase, openDB } from 'idb';

import { OutboxEntry } from './outbox-entry';

/** Where the entries live: IndexedDB in a browser, so they survive reloads, closed tabs and restarts. */
export interface OutboxStore {
  all(): Promise<OutboxEntry[]>;
  get(id: string): Promise<OutboxEntry | undefined>;
  put(entry: OutboxEntry): Promise<void>;
  delete(id: string): Promise<void>;
}

const DATABASE = 'relief-ledger-outbox';
const ENTRIES = 'entries';

/** The entries in IndexedDB, one object store keyed by the entry's client id. */
export class IndexedDbOutboxStore implements OutboxStore {
  private database: Promise<IDBPDatabase> | undefined;

  async all(): Promise<OutboxEntry[]> {
    return (await this.open()).getAll(ENTRIES) as Promise<OutboxEntry[]>;
  }

  async get(id: string): Promise<OutboxEntry | undefined> {
    return (await this.open()).get(ENTRIES, id) as Promise<OutboxEntry | undefined>;
  }

  async put(entry: OutboxEntry): Promise<void> {
    await (await this.open()).put(ENTRIES, entry);
  }

  async delete(id: string): Promise<void> {
    await (await this.open()).delete(ENTRIES, id);
  }

  private open(): Promise<IDBPDatabase> {
    this.database ??= openDB(DATABASE, 1, {
      upgrade(database) {
        database.createObjectStore(ENTRIES, { keyPath: 'id' });
      },
    });
    return this.database;
  }
}

/** For a browser without IndexedDB (and for unit specs): kept only while the page is open. */
export class MemoryOutboxStore implements OutboxStore {
  private readonly entries = new Map<string, OutboxEntry>();

  all(): Promise<OutboxEntry[]> {
    return Promise.resolve([...this.entries.values()].map((entry) => copyOf(entry)));
  }

  get(id: string): Promise<OutboxEntry | undefined> {
    const entry = this.entries.get(id);
    return Promise.resolve(entry && copyOf(entry));
  }

  put(entry: OutboxEntry): Promise<void> {
    this.entries.set(entry.id, copyOf(entry));
    return Promise.resolve();
  }

  delete(id: string): Promise<void> {
    this.entries.delete(id);
    return Promise.resolve();
  }
}

export const OUTBOX_STORE = new InjectionToken<OutboxStore>('OUTBOX_STORE', {
  providedIn: 'root',
  factory: () => (typeof indexedDB === 'undefined' ? new MemoryOutboxStore() : new IndexedDbOutboxStore()),
});

// Entries are plain JSON, as IndexedDB would keep them; a copy so no caller holds the stored object.
function copyOf(entry: OutboxEntry): OutboxEntry {
  return JSON.parse(JSON.stringify(entry)) as OutboxEntry;
}
