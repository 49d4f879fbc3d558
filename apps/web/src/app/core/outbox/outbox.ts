import { HttpClient, HttpErrorResponse, HttpHeaders, HttpResponse } from '@angular/common/http';
import { computed, DestroyRef, effect, inject, Injectable, signal, untracked } from '@angular/core';
import { IDEMPOTENT_REPLAYED_HEADER, Problem } from '@relief-ledger/domain';
import { filter, firstValueFrom, Observable, Subject, timeout } from 'rxjs';

import { SessionStore } from '../auth/session-store';
import { ProblemError } from '../problems/problem-error';
import { toProblem } from '../problems/to-problem';
import { classifyAnswer } from './classify-answer';
import { outboxRetryDelay } from './outbox-backoff';
import { isUnsent, OutboxAnswer, OutboxEntry, OutboxKind } from './outbox-entry';
import { OUTBOX_STORE } from './outbox-store';
import { inSendingOrder, nextToSend } from './next-to-send';
import { stampWhen } from './stamp-when';

/** What a form hands the outbox when the person presses its button. */
export interface OutboxDraft {
  kind: OutboxKind;
  url: string;
  /** With the `clientId` the form made at the press: it becomes the entry's id. */
  body: Record<string, unknown> & { clientId: string };
  /** Words for the outbox page, in the language on screen: "20 food parcels, Atmeh camp". */
  summary: string;
  /** The refused entry this one fixes ("Fix as new entry"): discarded once this one is kept. */
  replaces?: string;
}

/** Sent: the server's answer, read by the form. Queued: kept on this phone, to be sent when it can. */
export type OutboxOutcome<T> = { sent: true; value: T; replayed: boolean } | { sent: false; entry: OutboxEntry };

/** The Web Locks name held while draining: across tabs, one sends at a time. */
export const OUTBOX_LOCK = 'relief-outbox';
/** A sent entry stays this long on the outbox page as a receipt. */
export const SENT_KEPT_MS = 24 * 3_600_000;
/** An attempt that has not answered by then is taken as lost; the retry is a replay. */
export const ATTEMPT_TIMEOUT_MS = 60_000;

interface Settled {
  id: string;
  entry: OutboxEntry;
}

/**
 * The outbox: every write made in the field goes in here first, with its client id, and leaves
 * only once the server confirmed it (created, or replayed for that id). One entry at a time, in
 * the order they were made, under a Web Lock so two tabs never send the same entry; failures wait
 * with a doubling backoff; refusals wait for a person. Only the signed-in user's entries are sent
 * or shown: entries stay with the user who made them.
 */
@Injectable({ providedIn: 'root' })
export class Outbox {
  private readonly http = inject(HttpClient);
  private readonly store = inject(OUTBOX_STORE);
  private readonly session = inject(SessionStore);
  private readonly settled = new Subject<Settled>();
  private readonly channel = typeof BroadcastChannel === 'undefined' ? undefined : new BroadcastChannel(OUTBOX_LOCK);
  private readonly all = signal<OutboxEntry[]>([]);
  private readonly userId = computed(() => this.session.session()?.user.id);

  /** The signed-in user's entries, oldest first. */
  readonly entries = computed(() => {
    const userId = this.userId();
    return inSendingOrder(this.all().filter((entry) => entry.userId === userId));
  });
  readonly unsentCount = computed(() => this.entries().filter(isUnsent).length);

  private draining: Promise<void> | undefined;
  private drainAgain = false;
  private forceNext = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private persistenceAsked = false;
  // Without Web Locks, one drain at a time in this tab; another tab may repeat an attempt, which the replay rule answers.
  private localLock: Promise<unknown> = Promise.resolve();
  // The last read of the store asked for: each refresh reads after it (see refresh()).
  private reading: Promise<unknown> = Promise.resolve();

  constructor() {
    const destroyRef = inject(DestroyRef);
    effect(() => {
      // A sign-in (or another user's) shows and sends that user's entries, and only theirs.
      if (this.userId()) untracked(() => void this.refresh().then(() => this.drain(false)));
    });
    const online = () => void this.drain(true);
    if (typeof window !== 'undefined') window.addEventListener('online', online);
    if (this.channel) this.channel.onmessage = () => void this.refresh();
    destroyRef.onDestroy(() => {
      if (typeof window !== 'undefined') window.removeEventListener('online', online);
      this.channel?.close();
      clearTimeout(this.timer);
    });
  }

  /**
   * Keeps the write, then sends it at once when the browser is online (after any older entry):
   * emits `sent` with the server's answer read by `read`, or `queued` when it stays on this phone.
   * A refusal (not enough stock, a field the server rejects) fails with the `ProblemError` for the
   * form to show as it always has; the entry is withdrawn then, since the form still holds it. If
   * nobody is listening any more (the form closed), it stays in the outbox as needing attention.
   */
  send<T>(draft: OutboxDraft, read: (answer: OutboxAnswer) => T): Observable<OutboxOutcome<T>> {
    return new Observable<OutboxOutcome<T>>((subscriber) => {
      const id = draft.body.clientId;
      const settledHere = this.settled.pipe(filter((settled) => settled.id === id)).subscribe(({ entry }) => finish(entry));
      const finish = (entry: OutboxEntry) => {
        if (subscriber.closed) return;
        if (entry.state === 'sent' && entry.answer) {
          try {
            subscriber.next({ sent: true, value: read(entry.answer), replayed: entry.answer.replayed });
            subscriber.complete();
          } catch (error) {
            subscriber.error(error);
          }
        } else if (entry.state === 'needs-attention' && entry.lastError) {
          const problem = entry.lastError;
          void this.discard(entry.id).then(() => subscriber.error(new ProblemError(problem)));
        } else {
          subscriber.next({ sent: false, entry });
          subscriber.complete();
        }
      };
      this.enqueue(draft).then(
        async (entry) => {
          if (!isOnline()) return finish(entry);
          await this.drain(true);
          // Sent by another tab's drain, or never reached (an older entry could not be sent): say where it is.
          const now = await this.store.get(id);
          if (now) finish(now);
        },
        (error: unknown) => subscriber.error(error),
      );
      return () => settledHere.unsubscribe();
    });
  }

  /**
   * Tries the entry (and those made before it) now, with the backoff started over. A refused one
   * is tried again as it is: the stock it lacked may have arrived since.
   */
  async sendNow(id: string): Promise<void> {
    const entry = await this.store.get(id);
    if (entry && entry.state !== 'sent' && entry.userId === this.userId()) {
      await this.save({ ...entry, state: 'waiting', retries: 0, nextAttemptAt: new Date().toISOString() });
    }
    await this.drain(true);
  }

  /** Removes an entry for good: after the person confirmed, or once a fixed copy is queued. */
  async discard(id: string): Promise<void> {
    await this.store.delete(id);
    await this.changed();
  }

  private fixing: OutboxEntry | undefined;

  /** "Fix as new entry": the form opened next takes this entry's content as its start. */
  startFix(entry: OutboxEntry): void {
    this.fixing = entry;
  }

  /** The refused entry a form of this kind should start from, once. */
  takeFix(kind: OutboxKind): OutboxEntry | undefined {
    const entry = this.fixing;
    if (entry?.kind !== kind || entry.userId !== this.userId()) return undefined;
    this.fixing = undefined;
    return entry;
  }

  /** The signed-in user's entries as the text of a JSON file, for someone to enter by hand. */
  exportJson(): string {
    const entries = this.entries().map(({ id, kind, method, url, body, createdAt, state, attempts, lastError, summary, sentAt }) => ({
      id,
      kind,
      state,
      summary,
      createdAt,
      ...(sentAt ? { sentAt } : {}),
      attempts,
      method,
      url,
      body,
      ...(lastError ? { lastError } : {}),
    }));
    return JSON.stringify({ exportedAt: new Date().toISOString(), entries }, null, 2);
  }

  /**
   * Reads the entries again (another tab changed them), forgetting receipts older than a day. One
   * read at a time, in the order asked: IndexedDB does not order the answers of two read-only
   * transactions, and an older read answering last would leave the badge on an older count.
   */
  refresh(): Promise<void> {
    const read = this.reading.then(() => this.readEntries());
    this.reading = read.catch(() => undefined);
    return read;
  }

  private async readEntries(): Promise<void> {
    const entries = await this.store.all();
    const cutoff = Date.now() - SENT_KEPT_MS;
    const old = entries.filter((entry) => entry.state === 'sent' && Date.parse(entry.sentAt ?? entry.createdAt) < cutoff);
    for (const entry of old) await this.store.delete(entry.id);
    this.all.set(entries.filter((entry) => !old.includes(entry)));
  }

  /** Sends what is due (everything, when forced); runs again if asked meanwhile. */
  drain(force: boolean): Promise<void> {
    this.forceNext ||= force;
    if (this.draining) {
      this.drainAgain = true;
      return this.draining;
    }
    this.draining = (async () => {
      do {
        this.drainAgain = false;
        const forced = this.forceNext;
        this.forceNext = false;
        await this.withLock(() => this.drainPass(forced));
      } while (this.drainAgain);
    })().finally(() => {
      this.draining = undefined;
      void this.refresh().then(() => this.scheduleNextDrain());
    });
    return this.draining;
  }

  private async enqueue(draft: OutboxDraft): Promise<OutboxEntry> {
    const userId = this.userId();
    if (!userId) throw new ProblemError(toProblem(new HttpErrorResponse({ status: 401 })));
    const now = new Date();
    const entries = await this.store.all();
    const entry: OutboxEntry = {
      id: draft.body.clientId,
      userId,
      kind: draft.kind,
      method: 'POST',
      url: draft.url,
      body: stampWhen({ kind: draft.kind, body: draft.body, pressedAt: now }),
      createdAt: now.toISOString(),
      seq: entries.reduce((max, other) => Math.max(max, other.seq), 0) + 1,
      state: 'waiting',
      attempts: 0,
      retries: 0,
      nextAttemptAt: now.toISOString(),
      summary: draft.summary,
    };
    // A second press with the same client id is the same entry: never two entries for one id.
    const existing = entries.find((other) => other.id === entry.id);
    if (existing) return existing;
    await this.save(entry);
    const replaced = draft.replaces === undefined ? undefined : entries.find((other) => other.id === draft.replaces && other.userId === userId);
    if (replaced && replaced.state === 'needs-attention') await this.discard(replaced.id);
    void this.askForPersistentStorage();
    return entry;
  }

  private async drainPass(force: boolean): Promise<void> {
    for (;;) {
      const userId = this.userId();
      if (!userId || !isOnline()) return;
      const entry = nextToSend({ entries: await this.store.all(), userId, now: new Date(), force });
      if (!entry) return;
      const outcome = await this.attempt(entry);
      if (outcome === 'retry' || outcome === 'signed-out') return;
    }
  }

  /** One attempt: frozen from here on, whatever the answer. */
  private async attempt(entry: OutboxEntry): Promise<ReturnType<typeof classifyAnswer>> {
    const sending: OutboxEntry = { ...entry, state: 'sending', attempts: entry.attempts + 1 };
    await this.save(sending);
    const result = await this.post(sending);
    const verdict = classifyAnswer(result);
    const now = new Date();
    let after: OutboxEntry;
    if (verdict === 'sent') {
      after = { ...sending, state: 'sent', answer: result.answer, sentAt: now.toISOString(), lastError: undefined };
    } else if (verdict === 'refused') {
      after = { ...sending, state: 'needs-attention', lastError: result.problem };
    } else if (verdict === 'signed-out') {
      after = { ...sending, state: 'waiting', lastError: result.problem };
    } else {
      const retries = (sending.retries ?? 0) + 1;
      const delay = outboxRetryDelay({ attempts: retries, random: Math.random() });
      after = { ...sending, state: 'waiting', retries, nextAttemptAt: new Date(now.getTime() + delay).toISOString(), lastError: result.problem };
    }
    await this.save(after);
    this.settled.next({ id: after.id, entry: after });
    return verdict;
  }

  private async post(entry: OutboxEntry): Promise<{ status: number; answer?: OutboxAnswer; problem?: Problem }> {
    try {
      const response = await firstValueFrom(
        this.http
          .request<unknown>(entry.method, entry.url, {
            body: entry.body,
            headers: new HttpHeaders({ 'Idempotency-Key': entry.id }),
            observe: 'response',
          })
          .pipe(timeout(ATTEMPT_TIMEOUT_MS)),
      );
      const answered = response as HttpResponse<unknown>;
      return { status: answered.status, answer: { status: answered.status, body: answered.body, replayed: answered.headers.get(IDEMPOTENT_REPLAYED_HEADER) === 'true' } };
    } catch (error) {
      const status = error instanceof HttpErrorResponse ? error.status : 0;
      return { status, problem: toProblem(error instanceof HttpErrorResponse ? error : new HttpErrorResponse({ status: 0 })) };
    }
  }

  private async save(entry: OutboxEntry): Promise<void> {
    await this.store.put(entry);
    await this.changed();
  }

  private async changed(): Promise<void> {
    await this.refresh();
    this.channel?.postMessage('changed');
  }

  private scheduleNextDrain(): void {
    clearTimeout(this.timer);
    const userId = this.userId();
    const due = this.all()
      .filter((entry) => entry.userId === userId && entry.state === 'waiting')
      .map((entry) => Date.parse(entry.nextAttemptAt));
    if (due.length === 0) return;
    const wait = Math.max(0, Math.min(...due) - Date.now());
    this.timer = setTimeout(() => void this.drain(false), wait);
  }

  private withLock(work: () => Promise<void>): Promise<void> {
    const locks = typeof navigator === 'undefined' ? undefined : (navigator as Navigator & { locks?: LockManager }).locks;
    if (locks?.request) return locks.request(OUTBOX_LOCK, work).then(() => undefined);
    const run = this.localLock.then(work, work);
    this.localLock = run.catch(() => undefined);
    return run;
  }

  // Asked once per page, at the first entry: without it a browser short of space may clear the outbox.
  private async askForPersistentStorage(): Promise<void> {
    if (this.persistenceAsked || typeof navigator === 'undefined' || !navigator.storage?.persist) return;
    this.persistenceAsked = true;
    try {
      if (!(await navigator.storage.persisted())) await navigator.storage.persist();
    } catch {
      // Refused or unsupported: the entries are kept all the same, only less surely.
    }
  }
}

function isOnline(): boolean {
  return typeof navigator === 'undefined' || navigator.onLine !== false;
}
