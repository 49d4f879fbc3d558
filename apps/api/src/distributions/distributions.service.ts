import { fieldProblem } from '@relief-ledger/domain';
import { Injectable } from '@nestjs/common';
import type { DistributionResponse, Page } from '@relief-ledger/domain';
import { randomUUID } from 'node:crypto';
import { DataSource, QueryFailedError } from 'typeorm';
import { changedFieldNames } from '../audit/audit.service.js';
import type { Actor } from '../auth/actor.js';
import { runPrepared } from '../common/database/prepared-statement.js';
import { ValidationException } from '../common/problem/app-exception.js';
import { pageWindow, toPage } from '../common/validation/pagination.js';
import { StockException } from '../stock/stock.exception.js';
import { DistributionsException } from './distributions.exception.js';
import { distributionHash } from './request-hash.js';
import { CreateDistributionDto, DistributionListQueryDto, DistributionRow, toDistributionResponse } from './dto/distribution.dto.js';

export interface Recorded {
  /** false when this was a re-send of a distribution already recorded. */
  created: boolean;
  distribution: DistributionResponse;
}

/** A distribution row as row_to_json gives it: instants as ISO text. */
type DistributionJson = Omit<DistributionRow, 'distributed_at' | 'created_at'> & { distributed_at: string; created_at: string };

interface RecordOutcome {
  created: DistributionJson | null;
  existing: DistributionJson | null;
  point: boolean;
  item: boolean;
  camp_location: string | null;
  location: boolean;
}

/**
 * The whole of recording a distribution, as one statement: what is already there (a replay,
 * the references), then, only if all is well and the stock suffices, the conditional level
 * update, its movement, the distribution and its audit row (the same rules as stock-ledger's
 * move() and AuditService). Every part sees the same snapshot; a concurrent draw on the same
 * level is waited for by the UPDATE, which then re-checks the quantity on the newest row.
 */
export const RECORD_DISTRIBUTION = {
  name: 'distributions.record',
  text: `WITH found AS (
    SELECT
      (SELECT row_to_json(d) FROM distributions d WHERE d.organisation_id = $2 AND d.client_key = $3) AS existing,
      EXISTS (SELECT 1 FROM stock_points WHERE id = $8 AND organisation_id = $2 AND kind <> 'in_transit') AS point,
      EXISTS (SELECT 1 FROM items WHERE id = $7) AS item,
      (SELECT location_id FROM camps WHERE id = $5 AND organisation_id = $2) AS camp_location,
      EXISTS (SELECT 1 FROM locations WHERE id = $6) AS location),
  level AS (
    UPDATE stock_levels SET quantity = quantity - $9, updated_at = now()
    FROM found
    WHERE stock_point_id = $8 AND item_id = $7 AND quantity >= $9
      AND found.existing IS NULL AND found.point AND found.item
      AND CASE WHEN $5::uuid IS NULL THEN found.location ELSE found.camp_location IS NOT NULL END
    RETURNING stock_levels.quantity, CASE WHEN $5::uuid IS NULL THEN $6::uuid ELSE found.camp_location END AS location_id),
  movement AS (
    INSERT INTO stock_movements (organisation_id, stock_point_id, item_id, kind, quantity, distribution_id, recorded_by)
    SELECT $2, $8, $7, 'distribution', -$9::bigint, $1, $15 FROM level),
  distribution AS (
    INSERT INTO distributions (id, organisation_id, client_key, request_hash, camp_id, location_id, item_id, stock_point_id, quantity, households, people, distributed_at, notes, stock_left, recorded_by)
    SELECT $1, $2, $3, $4, $5, level.location_id, $7, $8, $9, $10, $11, coalesce($12::timestamptz, now()), $13, level.quantity, $15 FROM level RETURNING *),
  audit AS (
    INSERT INTO audit_log (organisation_id, user_id, action, entity, entity_id, changed_fields)
    SELECT $2, $15, 'create', 'distribution', distribution.id::text, $14 FROM distribution)
  SELECT (SELECT row_to_json(distribution) FROM distribution) AS created, found.* FROM found`,
};

function fromJson(row: DistributionJson): DistributionResponse {
  return toDistributionResponse({ ...row, distributed_at: new Date(row.distributed_at), created_at: new Date(row.created_at) });
}

/** The first answer again for the same content under this client id; another content is refused. */
function replay(existing: DistributionJson | null, hash: string): Recorded {
  if (!existing) throw new Error('a client id refused as taken has no distribution');
  if (existing.request_hash !== hash) throw DistributionsException.keyReused();
  return { created: false, distribution: fromJson(existing) };
}

@Injectable()
export class DistributionsService {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Records a distribution and draws its stock in one statement, so one transaction and one
   * round trip. The same client id with the same content answers the first result again; with
   * other content it is refused. Of two requests with one client id in flight at once, the
   * unique key (organisation, client id) lets one in; the other is rolled back whole and
   * answered from the winner's row, so twenty identical re-sends record one.
   */
  async record(actor: Actor, dto: CreateDistributionDto, idempotencyKey: string | undefined): Promise<Recorded> {
    const clientKey = dto.clientId ?? idempotencyKey;
    if (!clientKey) throw DistributionsException.keyRequired();
    if (clientKey.length > 200) throw new ValidationException([fieldProblem('Idempotency-Key', 'field.max_length', { max: 200 })]);
    if (!dto.campId && !dto.locationId) throw DistributionsException.placeRequired();
    if (dto.people < dto.households) throw new ValidationException([fieldProblem('people', 'field.people_below_households', { households: dto.households })]);
    const distributedAt = dto.distributedAt ? new Date(dto.distributedAt).toISOString() : null;
    const hash = distributionHash(dto, distributedAt);

    let outcome: RecordOutcome;
    try {
      [outcome] = await runPrepared<RecordOutcome>(this.dataSource, RECORD_DISTRIBUTION, [
        randomUUID(),
        actor.organisationId,
        clientKey,
        hash,
        dto.campId ?? null,
        dto.locationId ?? null,
        dto.itemId,
        dto.stockPointId,
        dto.quantity,
        dto.households,
        dto.people,
        distributedAt,
        dto.notes ?? null,
        changedFieldNames(dto),
        actor.userId,
      ]);
    } catch (error) {
      // Another request with this client id committed first, after this one took its snapshot.
      if (!(error instanceof QueryFailedError && (error.driverError as { constraint?: string }).constraint === 'uq_distributions_client_key')) throw error;
      return replay((await this.afterTheFact(actor, clientKey, dto)).existing, hash);
    }
    if (outcome.created) return { created: true, distribution: fromJson(outcome.created) };
    if (outcome.existing) return replay(outcome.existing, hash);
    if (!outcome.point) throw DistributionsException.unknown('stockPointId', 'stock point');
    if (!outcome.item) throw DistributionsException.unknown('itemId', 'item');
    if (dto.campId && !outcome.camp_location) throw DistributionsException.unknown('campId', 'camp');
    if (!dto.campId && !outcome.location) throw DistributionsException.unknown('locationId', 'location');
    // Short of stock, as far as the statement could see; read again, as a request with the same
    // client id may have drawn the last of it and committed meanwhile.
    const now = await this.afterTheFact(actor, clientKey, dto);
    if (now.existing) return replay(now.existing, hash);
    throw StockException.insufficient(Number(now.quantity ?? 0), dto.quantity);
  }

  /** The distribution recorded under this client id and the level, as committed now. */
  private async afterTheFact(actor: Actor, clientKey: string, dto: CreateDistributionDto): Promise<{ existing: DistributionJson | null; quantity: string | null }> {
    const [row] = await this.dataSource.query(
      `SELECT (SELECT row_to_json(d) FROM distributions d WHERE d.organisation_id = $1 AND d.client_key = $2) AS existing,
              (SELECT quantity FROM stock_levels WHERE stock_point_id = $3 AND item_id = $4) AS quantity`,
      [actor.organisationId, clientKey, dto.stockPointId, dto.itemId],
    );
    return row;
  }

  async list(actor: Actor, query: DistributionListQueryDto): Promise<Page<DistributionResponse>> {
    const window = pageWindow(query);
    const { where, params } = filterClause(actor, query);
    const [{ total }] = await this.dataSource.query(`SELECT count(*)::int AS total FROM distributions d WHERE ${where}`, params);
    const rows: DistributionRow[] = await this.dataSource.query(
      `SELECT d.* FROM distributions d WHERE ${where} ORDER BY d.distributed_at DESC, d.id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, window.pageSize, window.skip],
    );
    return toPage(rows.map(toDistributionResponse), total, window);
  }

  /** Totals by camp and item: quantity, households and people reached. */
  async totals(actor: Actor, query: DistributionListQueryDto) {
    const { where, params } = filterClause(actor, query);
    const rows = await this.dataSource.query(
      `SELECT d.camp_id, c.name_en AS camp_name, d.item_id, i.code AS item_code, sum(d.quantity)::bigint AS quantity,
              sum(d.households)::bigint AS households, sum(d.people)::bigint AS people, count(*)::int AS distributions
       FROM distributions d JOIN items i ON i.id = d.item_id LEFT JOIN camps c ON c.id = d.camp_id
       WHERE ${where} GROUP BY d.camp_id, c.name_en, d.item_id, i.code ORDER BY c.name_en NULLS LAST, i.code`,
      params,
    );
    return rows.map((r: Record<string, string | null>) => ({
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

/** The organisation's distributions, narrowed by camp, item and a half-open date range. */
function filterClause(actor: Actor, query: DistributionListQueryDto): { where: string; params: unknown[] } {
  const params: unknown[] = [actor.organisationId];
  let where = 'd.organisation_id = $1';
  if (query.campId) where += ` AND d.camp_id = $${params.push(query.campId)}`;
  if (query.itemId) where += ` AND d.item_id = $${params.push(query.itemId)}`;
  if (query.from) where += ` AND d.distributed_at >= $${params.push(query.from)}`;
  if (query.to) where += ` AND d.distributed_at < $${params.push(query.to)}`;
  return { where, params };
}
