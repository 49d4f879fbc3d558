import { Global, Injectable, Module } from '@nestjs/common';
import { fieldProblem, IDEMPOTENCY_KEY_MAX_LENGTH, IDEMPOTENT_REPLAYED_HEADER } from '@relief-ledger/domain';
import type { FastifyReply } from 'fastify';
import type { EntityManager } from 'typeorm';
import { AppException, ValidationException } from '../problem/app-exception.js';
import { contentHash, type HashOptions } from './content-hash.js';
import { ReplayRepository } from './replay.repository.js';

/** A creating request, as the replay rule sees it. */
export interface ReplayRequest {
  /** `camp.create`, `convoy.check_in`: a key is unique within its operation and organisation. */
  operation: string;
  /** The body's client id, if it has one. */
  clientId?: string;
  /** The `Idempotency-Key` header, if sent. */
  header?: string;
  /** Within what the key is unique, besides the operation: a convoy's id for its check-ins. */
  scope?: string;
  /** What makes two requests the same (the body, its instants already in one spelling). */
  content: object;
  hash?: HashOptions;
}

/** An answer, and whether it is the first one sent again. */
export interface Replayed<T> {
  replayed: boolean;
  answer: T;
}

/** Claimed: go on and write, then settle. Replayed: the first request's record or answer. */
export type Claim = { replayed: false; settle: (made: { recordId?: string; answer?: unknown }) => Promise<void> } | { replayed: true; recordId: string | null; answer: unknown };

export class ReplayException extends AppException {
  static keyReused(field: string): ReplayException {
    return new ReplayException(422, 'idempotency.key_reused', 'Client id already used', undefined, [fieldProblem(field, 'field.client_id_reused')]);
  }

  static keyRequired(): ReplayException {
    return new ReplayException(400, 'idempotency.key_required', 'Client id required', undefined, [fieldProblem('clientId', 'field.key_required')]);
  }
}

/**
 * The one replay rule for every creating request: a client id in the body or an
 * Idempotency-Key header (at most 200 characters), one content hash, one concurrency strategy
 * (the key's primary key: a second request waits for the first to commit), one problem code
 * for a key used for other content (`idempotency.key_reused`, 422), one answer header
 * (`Idempotent-Replayed: true`). Without a key a request is simply written.
 */
@Injectable()
export class Replays {
  constructor(private readonly repository: ReplayRepository) {}

  /**
   * Runs `write` once per key in `manager`'s transaction: a re-send gets the first answer back
   * (stored as it was sent), other content under the same key a 422, no key a plain write.
   */
  async once<T>(manager: EntityManager, organisationId: string, request: ReplayRequest, write: () => Promise<{ recordId?: string; answer: T }>): Promise<Replayed<T>> {
    const claim = await this.claim(manager, organisationId, request);
    if (claim?.replayed) return { replayed: true, answer: claim.answer as T };
    const made = await write();
    await claim?.settle(made);
    return { replayed: false, answer: made.answer };
  }

  /** The key a request carries (body first), checked; null when it carries none. */
  keyOf(request: Pick<ReplayRequest, 'clientId' | 'header' | 'scope'>): string | null {
    if (request.header !== undefined && (request.header.length === 0 || request.header.length > IDEMPOTENCY_KEY_MAX_LENGTH)) {
      throw new ValidationException([fieldProblem('Idempotency-Key', 'field.max_length', { max: IDEMPOTENCY_KEY_MAX_LENGTH })]);
    }
    const key = request.clientId ?? request.header;
    if (key === undefined) return null;
    return request.scope ? `${request.scope}:${key}` : key;
  }

  /**
   * Claims the request's key in the caller's transaction (before any write). A key used before
   * with the same content is a replay; with other content, a 422; a new key, a claim to settle
   * with what the request made, in the same transaction.
   */
  async claim(manager: EntityManager, organisationId: string, request: ReplayRequest): Promise<Claim | null> {
    const key = this.keyOf(request);
    if (key === null) return null;
    const hash = contentHash(request.content, request.hash);
    const stored = await this.repository.claim(manager, organisationId, request.operation, key, hash);
    if (stored) {
      if (stored.request_hash !== hash) throw ReplayException.keyReused(request.clientId !== undefined ? 'clientId' : IDEMPOTENCY_KEY_HEADER_FIELD);
      return { replayed: true, recordId: stored.record_id, answer: stored.answer };
    }
    return { replayed: false, settle: (made) => this.repository.settle(manager, organisationId, request.operation, key, made) };
  }
}

const IDEMPOTENCY_KEY_HEADER_FIELD = 'Idempotency-Key';

/** Says on the answer that it is the first one again. */
export function markReplayed(reply: FastifyReply, replayed: boolean): void {
  if (replayed) void reply.header(IDEMPOTENT_REPLAYED_HEADER.toLowerCase(), 'true');
}

/** Cross-cutting like the audit trail: every feature that creates records replays by this rule. */
@Global()
@Module({ providers: [Replays, ReplayRepository], exports: [Replays] })
export class ReplayModule {}
