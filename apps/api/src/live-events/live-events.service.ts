import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import type { LiveEvent } from '@relief-ledger/domain';
import pg from 'pg';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../common/actor.js';

/** One event as sent down the stream: `id` is what a reconnecting browser sends back. */
export interface WireEvent {
  id: string;
  type: LiveEvent['type'];
  data: LiveEvent;
}

export interface Publication {
  /** The organisation the event belongs to; null when everyone sees `payload`. */
  organisationId: string | null;
  payload: LiveEvent;
  /** What every other organisation sees; null: they see nothing. */
  sharedPayload: LiveEvent | null;
}

interface LiveEventRow {
  id: string;
  type: LiveEvent['type'];
  organisation_id: string | null;
  payload: LiveEvent;
  shared_payload: LiveEvent | null;
}

type Listener = { actor: Pick<Actor, 'organisationId'>; send: (event: WireEvent) => void };

/** A browser reconnecting after a long time gets at most this many missed events (newest kept out: it reloads). */
export const REPLAY_LIMIT = 500;
const CHANNEL = 'relief_live_events';
const KEEP_DAYS = 7;

/** What one organisation may see of an event, or null. */
export function viewOf(row: LiveEventRow, organisationId: string): WireEvent | null {
  const data = row.organisation_id === null || row.organisation_id === organisationId ? row.payload : row.shared_payload;
  return data ? { id: String(row.id), type: row.type, data } : null;
}

/**
 * Convoy status changes, check-ins, incidents and window changes, fanned out to every API
 * process through PostgreSQL: a write inserts its event in its own transaction; the insert
 * trigger NOTIFYs on commit; each process LISTENs on one connection of its own and hands the
 * rows to the streams it serves. Nothing is kept in memory that another process would need.
 */
@Injectable()
export class LiveEventsService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(LiveEventsService.name);
  private readonly listeners = new Set<Listener>();
  private readonly closers = new Set<() => void>();
  private client: pg.Client | null = null;
  private pending: string[] = [];
  /** Deliveries run one after another, so events reach each stream in the order read. */
  private delivering: Promise<void> = Promise.resolve();
  /** The newest event handed out; '0' until the first one. */
  private lastSeenId = '0';
  private stopped = false;
  private prune?: NodeJS.Timeout;

  constructor(private readonly dataSource: DataSource) {}

  // LISTEN needs no table, so this may run before the migrations (main.ts runs them after init).
  async onModuleInit(): Promise<void> {
    await this.listen();
    this.prune = setInterval(() => void this.pruneOld(), 3_600_000).unref();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    clearInterval(this.prune);
    for (const close of this.closers) close();
    await this.client?.end().catch(() => undefined);
  }

  /**
   * Called first in every transaction that will publish: those transactions then take turns
   * from here to their commit, so event ids grow in commit order and a browser resuming from
   * Last-Event-ID cannot miss an event that committed late with a smaller id. Only
   * coordination writes publish (convoys, incidents, windows), so the turns are short and rare.
   */
  async beginPublishing(manager: EntityManager): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('relief-ledger:live-events'))`);
  }

  /** Must be given the write's transaction, after beginPublishing: the event exists exactly when the write committed. */
  async publish(manager: EntityManager, event: Publication): Promise<void> {
    if (!manager.queryRunner?.isTransactionActive) throw new Error('live events are published inside the transaction of the write');
    await this.beginPublishing(manager);
    await manager.query(`INSERT INTO live_events (type, organisation_id, payload, shared_payload) VALUES ($1, $2, $3, $4)`, [
      event.payload.type,
      event.organisationId,
      event.payload,
      event.sharedPayload,
    ]);
  }

  /**
   * Events after `afterId` that the actor may see, oldest first; not `complete` when some are
   * gone (pruned) or there are more than a replay sends, and the browser must reload instead.
   */
  async replay(actor: Pick<Actor, 'organisationId'>, afterId: string): Promise<{ complete: boolean; events: WireEvent[] }> {
    const [{ oldest }] = await this.dataSource.query(`SELECT min(id)::text AS oldest FROM live_events`);
    if (oldest !== null && BigInt(oldest) > BigInt(afterId) + 1n) return { complete: false, events: [] };
    const rows: LiveEventRow[] = await this.dataSource.query(
      `SELECT id::text, type, organisation_id, payload, shared_payload FROM live_events
       WHERE id > $1 AND (organisation_id IS NULL OR organisation_id = $2 OR shared_payload IS NOT NULL)
       ORDER BY id LIMIT $3`,
      [afterId, actor.organisationId, REPLAY_LIMIT + 1],
    );
    if (rows.length > REPLAY_LIMIT) return { complete: false, events: [] };
    return { complete: true, events: rows.map((row) => viewOf(row, actor.organisationId)).filter((e): e is WireEvent => e !== null) };
  }

  /** Delivers every new event the actor may see until the returned function is called. */
  subscribe(actor: Pick<Actor, 'organisationId'>, send: (event: WireEvent) => void, close: () => void): () => void {
    const listener = { actor, send };
    this.listeners.add(listener);
    this.closers.add(close);
    return () => {
      this.listeners.delete(listener);
      this.closers.delete(close);
    };
  }

  private async listen(): Promise<void> {
    // keepAlive: a connection dropped by a NAT or firewall must fail, not leave the streams silent.
    const client = new pg.Client({ connectionString: (this.dataSource.options as { url: string }).url, application_name: 'relief-ledger-live', keepAlive: true });
    client.on('notification', (message) => {
      if (message.payload) this.pending.push(message.payload);
      if (this.pending.length === 1) this.deliverSoon();
    });
    client.on('error', (error) => {
      this.logger.warn(`live events connection lost (${error.message}); reconnecting`);
      this.reconnect(client);
    });
    client.on('end', () => this.reconnect(client));
    await client.connect();
    await client.query(`LISTEN ${CHANNEL}`);
    this.client = client;
  }

  private reconnect(dead: pg.Client): void {
    if (this.stopped || this.client !== dead) return;
    this.client = null;
    setTimeout(() => {
      this.listen()
        // Whatever committed while we were away: everything after the last event seen.
        .then(async () => {
          // Whatever committed while we were away; before the first event, the last minutes.
          const missed: LiveEventRow[] = await this.dataSource.query(
            `SELECT id::text FROM live_events WHERE id > $1 AND ($1 > 0 OR created_at > now() - interval '5 minutes') ORDER BY id`,
            [this.lastSeenId],
          );
          this.pending.push(...missed.map((r) => r.id));
          this.deliverSoon();
        })
        .catch((error: Error) => {
          this.logger.warn(`live events reconnect failed (${error.message})`);
          this.client = dead;
          this.reconnect(dead);
        });
    }, 1_000).unref();
  }

  private deliverSoon(): void {
    this.delivering = this.delivering.then(() => new Promise((resolve) => setImmediate(() => void this.flush().finally(resolve))));
  }

  private async flush(): Promise<void> {
    const ids = this.pending.splice(0);
    if (ids.length === 0) return;
    let rows: LiveEventRow[];
    try {
      rows = await this.dataSource.query(`SELECT id::text, type, organisation_id, payload, shared_payload FROM live_events WHERE id = ANY($1::bigint[]) ORDER BY id`, [ids]);
    } catch (error) {
      // The streams would silently miss these: close them, and browsers reconnect and replay.
      this.logger.warn(`live events could not be read (${(error as Error).message}); closing the streams`);
      for (const close of [...this.closers]) close();
      return;
    }
    for (const row of rows) {
      if (BigInt(row.id) > BigInt(this.lastSeenId)) this.lastSeenId = row.id;
      for (const listener of this.listeners) {
        const view = viewOf(row, listener.actor.organisationId);
        if (view) listener.send(view);
      }
    }
  }

  private async pruneOld(): Promise<void> {
    await this.dataSource.query(`DELETE FROM live_events WHERE created_at < now() - make_interval(days => $1)`, [KEEP_DAYS]).catch(() => undefined);
  }
}
