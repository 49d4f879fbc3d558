import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export interface StoredKey {
  request_hash: string;
  record_id: string | null;
  answer: unknown;
}

/** Owner of `idempotency_keys`: the keys of creating requests, and what each one made. */
@Injectable()
export class ReplayRepository {
  /**
   * Claims the key for this request, in the caller's transaction. A second request with the same
   * key waits here, on the primary key, until the first commits (or rolls back: then it claims
   * it itself); it then gets the key as the first one left it. Null: claimed now, go on.
   */
  async claim(manager: EntityManager, organisationId: string, operation: string, key: string, hash: string): Promise<StoredKey | null> {
    const claimed: unknown[] = await manager.query(
      `INSERT INTO idempotency_keys (organisation_id, operation, key, request_hash) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING 1`,
      [organisationId, operation, key, hash],
    );
    if (claimed.length) return null;
    const [stored]: StoredKey[] = await manager.query(
      `SELECT request_hash, record_id, answer FROM idempotency_keys WHERE organisation_id = $1 AND operation = $2 AND key = $3`,
      [organisationId, operation, key],
    );
    return stored;
  }

  /** What the claimed key made: the record's id, or the whole answer of a request that made no one record. */
  async settle(manager: EntityManager, organisationId: string, operation: string, key: string, made: { recordId?: string; answer?: unknown }): Promise<void> {
    await manager.query(`UPDATE idempotency_keys SET record_id = $4, answer = $5 WHERE organisation_id = $1 AND operation = $2 AND key = $3`, [
      organisationId,
      operation,
      key,
      made.recordId ?? null,
      made.answer === undefined ? null : JSON.stringify(made.answer),
    ]);
  }
}
