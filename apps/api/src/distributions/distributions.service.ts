import { Injectable } from '@nestjs/common';
import type { DistributionResponse, Page } from '@relief-ledger/domain';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { changedFieldNames } from '../audit/audit.service.js';
import type { Actor } from '../auth/actor.js';
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

@Injectable()
export class DistributionsService {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Records a distribution and draws its stock in one transaction. The same client id with the
   * same content answers the first result again; with other content it is refused. Requests with
   * one client id take turns (advisory lock), so twenty identical re-sends record one.
   */
  async record(actor: Actor, dto: CreateDistributionDto, idempotencyKey: string | undefined): Promise<Recorded> {
    const clientKey = dto.clientId ?? idempotencyKey;
    if (!clientKey) throw DistributionsException.keyRequired();
    if (clientKey.length > 200) throw new ValidationException([{ field: 'Idempotency-Key', reason: 'must be at most 200 characters' }]);
    if (!dto.campId && !dto.locationId) throw DistributionsException.placeRequired();
    if (dto.people < dto.households) throw new ValidationException([{ field: 'people', reason: `must be at least the number of households (${dto.households})` }]);
    const distributedAt = dto.distributedAt ? new Date(dto.distributedAt).toISOString() : null;
    const hash = distributionHash(dto, distributedAt);

    return this.dataSource.transaction(async (manager) => {
      // The hot path of field work, in four round trips: lock the key, check replay and
      // references in one statement, then level, movement, distribution and audit row in one
      // data-modifying statement (the same rules as stock-ledger's move() and AuditService).
      const org = actor.organisationId;
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`distribution:${org}:${clientKey}`]);
      const [check] = await manager.query(
        `SELECT
           (SELECT row_to_json(d) FROM distributions d WHERE d.organisation_id = $1 AND d.client_key = $2) AS existing,
           (SELECT 1 FROM stock_points WHERE id = $3 AND organisation_id = $1) AS point,
           (SELECT 1 FROM items WHERE id = $4) AS item,
           (SELECT location_id FROM camps WHERE id = $5 AND organisation_id = $1) AS camp_location,
           (SELECT 1 FROM locations WHERE id = $6) AS location`,
        [org, clientKey, dto.stockPointId, dto.itemId, dto.campId ?? null, dto.locationId ?? null],
      );
      if (check.existing) {
        const existing = check.existing as DistributionRow & { distributed_at: string; created_at: string };
        if (existing.request_hash !== hash) throw DistributionsException.keyReused();
        return { created: false, distribution: toDistributionResponse({ ...existing, distributed_at: new Date(existing.distributed_at), created_at: new Date(existing.created_at) }) };
      }
      if (!check.point) throw DistributionsException.unknown('stockPointId', 'stock point');
      if (!check.item) throw DistributionsException.unknown('itemId', 'item');
      if (dto.campId && !check.camp_location) throw DistributionsException.unknown('campId', 'camp');
      if (!dto.campId && !check.location) throw DistributionsException.unknown('locationId', 'location');

      const [row]: DistributionRow[] = await manager.query(
        `WITH level AS (
           UPDATE stock_levels SET quantity = quantity - $9, updated_at = now()
           WHERE stock_point_id = $8 AND item_id = $7 AND quantity >= $9 RETURNING quantity),
         movement AS (
           INSERT INTO stock_movements (organisation_id, stock_point_id, item_id, kind, quantity, distribution_id, recorded_by)
           SELECT $2, $8, $7, 'distribution', -$9::bigint, $1, $15 FROM level),
         distribution AS (
           INSERT INTO distributions (id, organisation_id, client_key, request_hash, camp_id, location_id, item_id, stock_point_id, quantity, households, people, distributed_at, notes, stock_left, recorded_by)
           SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, coalesce($12::timestamptz, now()), $13, level.quantity, $15 FROM level RETURNING *),
         audit AS (
           INSERT INTO audit_log (organisation_id, user_id, action, entity, entity_id, changed_fields)
           SELECT $2, $15, 'create', 'distribution', distribution.id::text, $14 FROM distribution)
         SELECT * FROM distribution`,
        [
          randomUUID(),
          org,
          clientKey,
          hash,
          dto.campId ?? null,
          dto.campId ? check.camp_location : dto.locationId,
          dto.itemId,
          dto.stockPointId,
          dto.quantity,
          dto.households,
          dto.people,
          distributedAt,
          dto.notes ?? null,
          changedFieldNames(dto),
          actor.userId,
        ],
      );
      if (!row) {
        const [current] = await manager.query(`SELECT quantity FROM stock_levels WHERE stock_point_id = $1 AND item_id = $2`, [dto.stockPointId, dto.itemId]);
        throw StockException.insufficient(Number(current?.quantity ?? 0), dto.quantity);
      }
      return { created: true, distribution: toDistributionResponse(row) };
    });
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
