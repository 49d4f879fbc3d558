import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { runPrepared } from '../common/database/prepared-statement.js';
import type { PageWindow } from '../common/validation/pagination.js';
import type { DistributionRow } from './dto/distribution.dto.js';

/**
 * The one owner of `distributions` (and of `distribution_day_totals`, which a statement trigger
 * keeps from it: nothing in the app writes it).
 *
 * It is also the one sanctioned second writer of the stock ledger. Recording a distribution
 * (RECORD_DISTRIBUTION below) draws its stock itself, `stock_levels` and `stock_movements`,
 * and writes its audit row, in the same statement as the distribution, instead of going
 * through StockRepository.move and AuditService.record. That is why the write is fast: one
 * statement is one round trip and one transaction, prepared once per connection, where the
 * same work statement by statement in a transaction took several times the round trips
 * (bench/README.md, "One statement, one round trip, per distribution", has the figures).
 * It follows move()'s rules to the letter: a conditional UPDATE that cannot
 * take a level below zero and a movement for every change, in one transaction. The property
 * test in apps/api/test/stock.spec.ts ("keeps every level equal to the sum of its movements")
 * drives both writers on the same levels and is the proof that they agree; a change to move()
 * must be made here too. apps/api/test/table-owners.spec.ts names this file as the exception.
 *
 * Every method takes the organisation; row-level security holds the same line in the database.
 */

/** A distribution row as row_to_json gives it: instants as ISO text. */
export type DistributionJson = Omit<DistributionRow, 'distributed_at' | 'created_at'> & { distributed_at: string; created_at: string };

/** What RECORD_DISTRIBUTION answers: the row it created, or what stopped it. */
export interface RecordOutcome {
  created: DistributionJson | null;
  /** The distribution already recorded under this client id. */
  existing: DistributionJson | null;
  point: boolean;
  item: boolean;
  camp_location: string | null;
  location: boolean;
}

export interface NewDistribution {
  id: string;
  clientKey: string;
  requestHash: string;
  campId: string | null;
  locationId: string | null;
  itemId: string;
  stockPointId: string;
  quantity: number;
  households: number;
  people: number;
  /** ISO instant; null: now. */
  distributedAt: string | null;
  notes: string | null;
  /** For the audit row. */
  changedFields: string[];
  recordedBy: string;
}

/** One row of a CSV import, resolved: its camp's location and its item's id are known. */
export interface ImportedDistribution {
  clientKey: string;
  requestHash: string;
  campId: string;
  locationId: string;
  itemId: string;
  stockPointId: string;
  quantity: number;
  households: number;
  people: number;
  distributedAt: string | null;
  notes: string | null;
  /** The level left at the stock point after this row, in file order. */
  stockLeft: number;
}

export interface DistributionFilter {
  campId?: string;
  itemId?: string;
  /** Half-open range of distributed_at. */
  from?: string;
  to?: string;
}

export interface TotalsRow {
  camp_id: string | null;
  camp_name: string | null;
  item_id: string;
  item_code: string;
  /** bigint sums: as text. */
  quantity: string;
  households: string;
  people: string;
  distributions: number;
}

/**
 * The whole of recording a distribution, as one statement: what is already there (a replay,
 * the references), then, only if all is well and the stock suffices, the conditional level
 * update, its movement, the distribution and its audit row (the same rules as
 * StockRepository.move() and AuditService). Every part sees the same snapshot; a concurrent
 * draw on the same level is waited for by the UPDATE, which then re-checks the quantity on the
 * newest row. The bench (bench/distributions.bench.mjs) replays this text with pgbench.
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

@Injectable()
export class DistributionsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Runs RECORD_DISTRIBUTION: one statement, one round trip, its own transaction. */
  async record(organisationId: string, d: NewDistribution): Promise<RecordOutcome> {
    const [outcome] = await runPrepared<RecordOutcome>(this.dataSource, RECORD_DISTRIBUTION, [
      d.id,
      organisationId,
      d.clientKey,
      d.requestHash,
      d.campId,
      d.locationId,
      d.itemId,
      d.stockPointId,
      d.quantity,
      d.households,
      d.people,
      d.distributedAt,
      d.notes,
      d.changedFields,
      d.recordedBy,
    ]);
    return outcome;
  }

  /** The distribution recorded under this client id and the level it drew from, as committed now. */
  async afterTheFact(
    organisationId: string,
    clientKey: string,
    level: { stockPointId: string; itemId: string },
  ): Promise<{ existing: DistributionJson | null; quantity: string | null }> {
    const [row] = await this.dataSource.query(
      `SELECT (SELECT row_to_json(d) FROM distributions d WHERE d.organisation_id = $1 AND d.client_key = $2) AS existing,
              (SELECT quantity FROM stock_levels WHERE stock_point_id = $3 AND item_id = $4) AS quantity`,
      [organisationId, clientKey, level.stockPointId, level.itemId],
    );
    return row;
  }

  async list(organisationId: string, filter: DistributionFilter, window: PageWindow): Promise<{ total: number; rows: DistributionRow[] }> {
    const { where, params } = filterClause(organisationId, filter);
    const [{ total }]: { total: number }[] = await this.dataSource.query(`SELECT count(*)::int AS total FROM distributions d WHERE ${where}`, params);
    const rows: DistributionRow[] = await this.dataSource.query(
      `SELECT d.* FROM distributions d WHERE ${where} ORDER BY d.distributed_at DESC, d.id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, window.pageSize, window.skip],
    );
    return { total, rows };
  }

  /** Totals by camp and item: quantity, households and people reached. */
  totals(organisationId: string, filter: DistributionFilter): Promise<TotalsRow[]> {
    const { where, params } = filterClause(organisationId, filter);
    return this.dataSource.query(
      `SELECT d.camp_id, c.name_en AS camp_name, d.item_id, i.code AS item_code, sum(d.quantity)::bigint AS quantity,
              sum(d.households)::bigint AS households, sum(d.people)::bigint AS people, count(*)::int AS distributions
       FROM distributions d JOIN items i ON i.id = d.item_id LEFT JOIN camps c ON c.id = d.camp_id
       WHERE ${where} GROUP BY d.camp_id, c.name_en, d.item_id, i.code ORDER BY c.name_en NULLS LAST, i.code`,
      params,
    );
  }

  /**
   * Imports of one organisation take turns until the transaction ends, so the same file
   * uploaded twice at once is recorded once and the second finds its rows already there.
   */
  async takeImportTurn(manager: EntityManager, organisationId: string): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('relief-ledger:distribution-import'), hashtext($1))`, [organisationId]);
  }

  /** The content hash of each of `clientKeys` already recorded, by client key. */
  async hashesByClientKey(manager: EntityManager, organisationId: string, clientKeys: string[]): Promise<Map<string, string>> {
    const rows: { client_key: string; request_hash: string }[] = await manager.query(
      `SELECT client_key, request_hash FROM distributions WHERE organisation_id = $1 AND client_key = ANY($2)`,
      [organisationId, clientKeys],
    );
    return new Map(rows.map((d) => [d.client_key, d.request_hash]));
  }

  /** Every row of an import with one INSERT (unnest): 20,000 rows are one statement. */
  async insertImported(manager: EntityManager, organisationId: string, recordedBy: string, importId: string, rows: ImportedDistribution[]): Promise<void> {
    const column = <T>(pick: (row: ImportedDistribution) => T) => rows.map(pick);
    await manager.query(
      `INSERT INTO distributions (id, organisation_id, client_key, request_hash, camp_id, location_id, item_id, stock_point_id, quantity, households, people, distributed_at, notes, stock_left, recorded_by, import_id)
       SELECT gen_random_uuid(), $1, client_key, request_hash, camp_id, location_id, item_id, stock_point_id, quantity, households, people, coalesce(distributed_at, now()), notes, stock_left, $2, $3
       FROM unnest($4::text[], $5::text[], $6::uuid[], $7::uuid[], $8::uuid[], $9::uuid[], $10::int[], $11::int[], $12::int[], $13::timestamptz[], $14::text[], $15::bigint[])
         AS t(client_key, request_hash, camp_id, location_id, item_id, stock_point_id, quantity, households, people, distributed_at, notes, stock_left)`,
      [
        organisationId,
        recordedBy,
        importId,
        column((r) => r.clientKey),
        column((r) => r.requestHash),
        column((r) => r.campId),
        column((r) => r.locationId),
        column((r) => r.itemId),
        column((r) => r.stockPointId),
        column((r) => r.quantity),
        column((r) => r.households),
        column((r) => r.people),
        column((r) => r.distributedAt),
        column((r) => r.notes),
        column((r) => r.stockLeft),
      ],
    );
  }
}

/** The organisation's distributions, narrowed by camp, item and a half-open date range; every value bound. */
function filterClause(organisationId: string, filter: DistributionFilter): { where: string; params: unknown[] } {
  const params: unknown[] = [organisationId];
  let where = 'd.organisation_id = $1';
  if (filter.campId) where += ` AND d.camp_id = $${params.push(filter.campId)}`;
  if (filter.itemId) where += ` AND d.item_id = $${params.push(filter.itemId)}`;
  if (filter.from) where += ` AND d.distributed_at >= $${params.push(filter.from)}`;
  if (filter.to) where += ` AND d.distributed_at < $${params.push(filter.to)}`;
  return { where, params };
}
