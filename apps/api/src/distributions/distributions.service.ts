import { Injectable } from '@nestjs/common';
import type { DistributionResponse, Page } from '@relief-ledger/domain';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuditService, changedFieldNames } from '../audit/audit.service.js';
import type { Actor } from '../auth/actor.js';
import { ValidationException } from '../common/problem/app-exception.js';
import { pageWindow, toPage } from '../common/validation/pagination.js';
import { move } from '../stock/stock-ledger.js';
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
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

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
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`distribution:${actor.organisationId}:${clientKey}`]);
      const [existing]: DistributionRow[] = await manager.query(`SELECT * FROM distributions WHERE organisation_id = $1 AND client_key = $2`, [actor.organisationId, clientKey]);
      if (existing) {
        if (existing.request_hash !== hash) throw DistributionsException.keyReused();
        return { created: false, distribution: toDistributionResponse(existing) };
      }

      const [refs] = await manager.query(
        `SELECT
           (SELECT 1 FROM stock_points WHERE id = $2 AND organisation_id = $1) AS point,
           (SELECT 1 FROM items WHERE id = $3) AS item,
           (SELECT location_id FROM camps WHERE id = $4 AND organisation_id = $1) AS camp_location,
           (SELECT 1 FROM locations WHERE id = $5) AS location`,
        [actor.organisationId, dto.stockPointId, dto.itemId, dto.campId ?? null, dto.locationId ?? null],
      );
      if (!refs.point) throw DistributionsException.unknown('stockPointId', 'stock point');
      if (!refs.item) throw DistributionsException.unknown('itemId', 'item');
      if (dto.campId && !refs.camp_location) throw DistributionsException.unknown('campId', 'camp');
      if (!dto.campId && !refs.location) throw DistributionsException.unknown('locationId', 'location');

      const id = randomUUID();
      const { balance } = await move(manager, {
        organisationId: actor.organisationId,
        stockPointId: dto.stockPointId,
        itemId: dto.itemId,
        kind: 'distribution',
        delta: -dto.quantity,
        distributionId: id,
        recordedBy: actor.userId,
      });
      const [row]: DistributionRow[] = await manager.query(
        `INSERT INTO distributions (id, organisation_id, client_key, request_hash, camp_id, location_id, item_id, stock_point_id, quantity, households, people, distributed_at, notes, stock_left, recorded_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, coalesce($12::timestamptz, now()), $13, $14, $15) RETURNING *`,
        [
          id,
          actor.organisationId,
          clientKey,
          hash,
          dto.campId ?? null,
          dto.campId ? refs.camp_location : dto.locationId,
          dto.itemId,
          dto.stockPointId,
          dto.quantity,
          dto.households,
          dto.people,
          distributedAt,
          dto.notes ?? null,
          balance,
          actor.userId,
        ],
      );
      await this.audit.record(manager, actor, { action: 'create', entity: 'distribution', entityId: id, changedFields: changedFieldNames(dto) });
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
