import { OutboxEntry } from './outbox-entry';

/**
 * The entry the drain sends next for `userId`: the oldest not yet sent nor refused, in the order
 * they were made, so a status change goes before the check-in made after it. A refused entry
 * waits for a person and does not hold the others back. Null when the oldest must still wait
 * for its backoff, unless `now` is forced (Send now, or a new entry pressed while online).
 */
export function nextToSend({ entries, userId, now, force }: { entries: readonly OutboxEntry[]; userId: string; now: Date; force: boolean }): OutboxEntry | null {
  const head = inSendingOrder(entries.filter((entry) => entry.userId === userId && (entry.state === 'waiting' || entry.state === 'sending')))[0];
  if (!head) return null;
  if (!force && Date.parse(head.nextAttemptAt) > now.getTime()) return null;
  return head;
}

/** Oldest first: by the order the presses were made on this phone. */
export function inSendingOrder<T extends Pick<OutboxEntry, 'seq'>>(entries: readonly T[]): T[] {
  return [...entries].sort((a, b) => a.seq - b.seq);
}
