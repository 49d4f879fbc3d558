import { fieldProblem } from '@relief-ledger/domain';
import { Injectable } from '@nestjs/common';
import type { DistributionResponse, DistributionTotal, Page } from '@relief-ledger/domain';
import { randomUUID } from 'node:crypto';
import { QueryFailedError } from 'typeorm';
import { changedFieldNames } from '../audit/audit.service.js';
import type { Actor } from '../common/actor.js';
import { ValidationException } from '../common/problem/app-exception.js';
import { pageWindow, toPage } from '../common/validation/pagination.js';
import { StockException } from '../stock/stock.exception.js';
import { DistributionsException } from './distributions.exception.js';
import { ReplayException, Replays } from '../common/replay/replays.js';
import { type DistributionJson, DistributionsRepository, type RecordOutcome } from './distributions.repository.js';
import { distributionHash } from './request-hash.js';
import { CreateDistributionDto, DistributionListQueryDto, toDistributionResponse } from './dto/distribution.dto.js';

export interface Recorded {
  /** false when this was a re-send of a distribution already recorded. */
  created: boolean;
  distribution: DistributionResponse;
}

function fromJson(row: DistributionJson): DistributionResponse {
  return toDistributionResponse({ ...row, distributed_at: new Date(row.distributed_at), created_at: new Date(row.created_at) });
}

/** The first answer again for the same content under this key; other content is refused, by the replay rule's one code. */
function replay(existing: DistributionJson | null, hash: string, field: string): Recorded {
  if (!existing) throw new Error('a client id refused as taken has no distribution');
  if (existing.request_hash !== hash) throw ReplayException.keyReused(field);
  return { created: false, distribution: fromJson(existing) };
}

@Injectable()
export class DistributionsService {
  constructor(
    private readonly repository: DistributionsRepository,
    private readonly replays: Replays,
  ) {}

  /**
   * Records a distribution and draws its stock in one statement (DistributionsRepository.record),
   * so one transaction and one round trip. The same client id with the same content answers the
   * first result again; with other content it is refused. Of two requests with one client id in
   * flight at once, the unique key (organisation, client id) lets one in; the other is rolled
   * back whole and answered from the winner's row, so twenty identical re-sends record one.
   * This is the replay rule of common/replay (its key, hash, code and header) with the key kept
   * on the distribution's own row: the hot path writes it in its one statement.
   */
  async record(actor: Actor, dto: CreateDistributionDto, idempotencyKey: string | undefined): Promise<Recorded> {
    const clientKey = this.replays.keyOf({ clientId: dto.clientId, header: idempotencyKey });
    if (!clientKey) throw ReplayException.keyRequired();
    const keyField = dto.clientId !== undefined ? 'clientId' : 'Idempotency-Key';
    if (!dto.campId && !dto.locationId) throw DistributionsException.placeRequired();
    if (dto.people < dto.households) throw new ValidationException([fieldProblem('people', 'field.people_below_households', { households: dto.households })]);
    const distributedAt = dto.distributedAt ? new Date(dto.distributedAt).toISOString() : null;
    const hash = distributionHash(dto, distributedAt);
    const level = { stockPointId: dto.stockPointId, itemId: dto.itemId };

    let outcome: RecordOutcome;
    try {
      outcome = await this.repository.record(actor.organisationId, {
        id: randomUUID(),
        clientKey,
        requestHash: hash,
        campId: dto.campId ?? null,
        locationId: dto.locationId ?? null,
        itemId: dto.itemId,
        stockPointId: dto.stockPointId,
        quantity: dto.quantity,
        households: dto.households,
        people: dto.people,
        distributedAt,
        notes: dto.notes ?? null,
        changedFields: changedFieldNames(dto),
        recordedBy: actor.userId,
      });
    } catch (error) {
      // Another request with this client id committed first, after this one took its snapshot.
      if (!(error instanceof QueryFailedError && (error.driverError as { constraint?: string }).constraint === 'uq_distributions_client_key')) throw error;
      return replay((await this.repository.afterTheFact(actor.organisationId, clientKey, level)).existing, hash, keyField);
    }
    if (outcome.created) return { created: true, distribution: fromJson(outcome.created) };
    if (outcome.existing) return replay(outcome.existing, hash, keyField);
    if (!outcome.point) throw DistributionsException.unknown('stockPointId', 'stock point');
    if (!outcome.item) throw DistributionsException.unknown('itemId', 'item');
    if (dto.campId && !outcome.camp_location) throw DistributionsException.unknown('campId', 'camp');
    if (!dto.campId && !outcome.location) throw DistributionsException.unknown('locationId', 'location');
    // Short of stock, as far as the statement could see; read again, as a request with the same
    // client id may have drawn the last of it and committed meanwhile.
    const now = await this.repository.afterTheFact(actor.organisationId, clientKey, level);
    if (now.existing) return replay(now.existing, hash, keyField);
    throw StockException.insufficient(Number(now.quantity ?? 0), dto.quantity);
  }

  async list(actor: Actor, query: DistributionListQueryDto): Promise<Page<DistributionResponse>> {
    const window = pageWindow(query);
    const { total, rows } = await this.repository.list(actor.organisationId, query, window);
    return toPage(rows.map(toDistributionResponse), total, window);
  }

  /** Totals by camp and item: quantity, households and people reached. */
  async totals(actor: Actor, query: DistributionListQueryDto): Promise<DistributionTotal[]> {
    const rows = await this.repository.totals(actor.organisationId, query);
    return rows.map((r) => ({
      campId: r.camp_id,
      campName: r.camp_name,
      itemId: r.item_id,
      itemCode: r.item_code,
      quantity: Number(r.quantity),
      households: Number(r.households),
      people: Number(r.people),
      distributions: Number(r.distributions),
    }));
  }
}
