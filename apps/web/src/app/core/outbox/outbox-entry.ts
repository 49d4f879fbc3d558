import { Problem } from '@relief-ledger/domain';

/** What an entry records, as its badge and the outbox page name it. Stock receipts and transfers are not queued yet. */
export const OUTBOX_KINDS = ['distribution', 'check-in', 'convoy-status', 'incident'] as const;
export type OutboxKind = (typeof OUTBOX_KINDS)[number];

/** `sent` stays a day as a receipt on the outbox page; only `waiting`, `sending` and `needs-attention` count as unsent. */
export const OUTBOX_STATES = ['waiting', 'sending', 'sent', 'needs-attention'] as const;
export type OutboxState = (typeof OUTBOX_STATES)[number];

/** The server's answer to the attempt that succeeded: the forms read their confirmation from it. */
export interface OutboxAnswer {
  status: number;
  body: unknown;
  replayed: boolean;
}

/**
 * One write made on this phone, kept until the server has it. `id` is the client id the request
 * carries (body and `Idempotency-Key`), made when the person pressed the button, so every attempt
 * is the same request to the server's replay rule.
 */
export interface OutboxEntry {
  id: string;
  /** Whose session may send it: another user signed in on the same phone never does. */
  userId: string;
  kind: OutboxKind;
  method: 'POST';
  url: string;
  body: Record<string, unknown>;
  /** ISO instant of the press. */
  createdAt: string;
  /** Creation order on this phone; two presses in one millisecond still keep theirs. */
  seq: number;
  state: OutboxState;
  /** Attempts that left the phone, for the outbox page. */
  attempts: number;
  /** Failed attempts since the last success or Send now: what the backoff doubles on. */
  retries: number;
  /** ISO instant; the drain leaves the entry alone before it unless sent now. */
  nextAttemptAt: string;
  /** What the last attempt met: the server's problem, or the browser's for no connection. */
  lastError?: Problem;
  answer?: OutboxAnswer;
  /** ISO instant the server confirmed it. */
  sentAt?: string;
  /** Words for the list, fixed at the press in the language then on screen: "20 food parcels, Atmeh camp". */
  summary: string;
}

/** Waiting, being sent, or refused: what the badge counts. */
export function isUnsent(entry: Pick<OutboxEntry, 'state'>): boolean {
  return entry.state !== 'sent';
}
