import { Injectable } from '@nestjs/common';
import { REPORT_COLUMNS, type ReportColumn } from '@relief-ledger/domain';
import { DataSource } from 'typeorm';
import { ADMIN_TREE, nameIn, localDateTime, parameters, startOfLocalDay, underPcode, type ReportContext, type ReportSql } from './report-sql.js';

/**
 * The stock point at the other end of a transfer, by the transfer index, for transfer rows only.
 * Not a join: with the card's values unknown to the planner (COPY), it would estimate few rows
 * and hash the whole ledger to find the other legs.
 */
const OTHER_LEG = `CASE WHEN m.transfer_id IS NOT NULL THEN (
    SELECT other.name FROM stock_movements leg JOIN stock_points other ON other.id = leg.stock_point_id
    WHERE leg.transfer_id = m.transfer_id AND leg.id <> m.id LIMIT 1) END`;

/** `transfer_out` → `Transfer out`. */
const KIND_WORDS = `upper(left(m.kind, 1)) || replace(substr(m.kind, 2), '_', ' ')`;

/**
 * Stock reports, read from the ledger. A balance at a moment is the level now less what moved
 * since: movements are read from the start of the period onwards (by time, on an index), never
 * from the beginning of the ledger. Movements are dated when they were recorded.
 */
@Injectable()
export class StockReportsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** One stock point and item: opening balance, every movement with its running balance, closing balance. */
  stockCard(ctx: ReportContext): ReportSql {
    const { values, p } = parameters(ctx.placeholders);
    const point = p(ctx.stockPointId, 'uuid');
    const item = p(ctx.itemId, 'uuid');
    const zone = p(ctx.zone, 'text');
    const text = `WITH bounds AS (
        SELECT ${startOfLocalDay(p(ctx.from, 'text'), zone)} AS t0, ${startOfLocalDay(`${p(ctx.to, 'date')} + 1`, zone)} AS t1),
      level AS (
        SELECT s.quantity FROM stock_levels s WHERE s.stock_point_id = ${point} AND s.item_id = ${item} AND s.organisation_id = ${p(ctx.organisationId, 'uuid')}),
      since AS (
        SELECT m.* FROM stock_movements m, bounds b, level
        WHERE m.stock_point_id = ${point} AND m.item_id = ${item} AND m.recorded_at >= b.t0),
      opening AS (SELECT (SELECT quantity FROM level) - coalesce((SELECT sum(quantity) FROM since), 0) AS quantity),
      moves AS (SELECT since.* FROM since, bounds b WHERE since.recorded_at < b.t1),
      card AS (
        SELECT 0 AS part, 0::bigint AS seq, NULL::text AS at, 'Opening balance' AS kind, NULL::text AS reference, NULL::text AS counterpart,
               NULL::bigint AS quantity_in, NULL::bigint AS quantity_out, (SELECT quantity FROM opening) AS balance, NULL::text AS recorded_by
        FROM level
        UNION ALL
        SELECT 1, m.seq, ${localDateTime('m.recorded_at', zone)}, ${KIND_WORDS}, m.reference,
               coalesce(${OTHER_LEG}, ${nameIn('dc', ctx.language)}, ${nameIn('dl', ctx.language)}, m.donor, m.loss_cause, CASE WHEN m.import_id IS NOT NULL THEN 'CSV import' END),
               CASE WHEN m.quantity > 0 THEN m.quantity END, CASE WHEN m.quantity < 0 THEN -m.quantity END,
               (SELECT quantity FROM opening) + sum(m.quantity) OVER (ORDER BY m.seq), u.name
        FROM moves m
        JOIN users u ON u.id = m.recorded_by
        LEFT JOIN distributions d ON d.id = m.distribution_id
        LEFT JOIN camps dc ON dc.id = d.camp_id
        LEFT JOIN locations dl ON dl.id = d.location_id
        UNION ALL
        SELECT 2, 0, NULL, 'Closing balance', NULL, NULL, NULL, NULL, (SELECT quantity FROM opening) + coalesce((SELECT sum(quantity) FROM moves), 0), NULL
        FROM level)
      SELECT at AS "at", kind AS "kind", reference AS "reference", counterpart AS "counterpart", quantity_in AS "quantityIn",
             quantity_out AS "quantityOut", balance AS "balance", recorded_by AS "recordedBy"
      FROM card ORDER BY part, seq`;
    return { text, values, columns: REPORT_COLUMNS['stock-card'] };
  }

  /**
   * Per stock point and item over the period: opening, each kind of movement, closing. Opening
   * plus receipts and transfers in, less transfers out, distributed and losses, plus adjustments
   * (counts and reversals, signed) is closing, on every row.
   */
  movementSummary(ctx: ReportContext): ReportSql {
    const { values, p, when } = parameters(ctx.placeholders);
    const zone = p(ctx.zone, 'text');
    const out = (filter: string) => `coalesce(-sum(m.quantity) FILTER (WHERE m.recorded_at < b.t1 AND ${filter}), 0)`;
    const inflow = (filter: string) => `coalesce(sum(m.quantity) FILTER (WHERE m.recorded_at < b.t1 AND ${filter}), 0)`;
    const organisation = p(ctx.organisationId, 'uuid');
    const text = `WITH RECURSIVE ${ADMIN_TREE},
      bounds AS (SELECT ${startOfLocalDay(p(ctx.from, 'text'), zone)} AS t0, ${startOfLocalDay(`${p(ctx.to, 'date')} + 1`, zone)} AS t1),
      levels AS (
        SELECT s.stock_point_id, s.item_id, s.quantity FROM stock_levels s
        JOIN stock_points sp ON sp.id = s.stock_point_id JOIN tree tr ON tr.id = sp.location_id
        WHERE s.organisation_id = ${organisation}
          AND ${when(ctx.stockPointId, 'uuid', (v) => `s.stock_point_id = ${v}`)}
          AND ${when(ctx.itemId, 'uuid', (v) => `s.item_id = ${v}`)}
          AND ${when(ctx.pcode, 'text', (v) => underPcode('tr', v))}),
      since AS (
        SELECT m.stock_point_id, m.item_id,
               coalesce(sum(m.quantity), 0) AS all_since,
               coalesce(sum(m.quantity) FILTER (WHERE m.recorded_at >= b.t1), 0) AS after_period,
               ${inflow(`m.kind = 'receipt'`)} AS receipts,
               ${inflow(`m.kind = 'transfer_in'`)} AS transfers_in,
               ${out(`m.kind = 'transfer_out'`)} AS transfers_out,
               ${out(`m.kind = 'distribution'`)} AS distributed,
               ${out(`m.loss_cause = 'destroyed'`)} AS loss_destroyed,
               ${out(`m.loss_cause = 'looted'`)} AS loss_looted,
               ${out(`m.loss_cause = 'spoiled'`)} AS loss_spoiled,
               ${out(`m.loss_cause = 'missing'`)} AS loss_missing,
               ${inflow(`m.kind IN ('adjustment', 'reversal')`)} AS adjustments
        FROM stock_movements m JOIN levels l ON l.stock_point_id = m.stock_point_id AND l.item_id = m.item_id, bounds b
        -- by the organisation's time index: only the movements since the period began are read
        WHERE m.organisation_id = ${organisation} AND m.recorded_at >= b.t0
        GROUP BY 1, 2)
      SELECT sp.name AS "stockPoint", i.code AS "itemCode", ${nameIn('i', ctx.language)} AS "itemName",
             l.quantity - coalesce(s.all_since, 0) AS "opening",
             coalesce(s.receipts, 0) AS "receipts", coalesce(s.transfers_in, 0) AS "transfersIn", coalesce(s.transfers_out, 0) AS "transfersOut",
             coalesce(s.distributed, 0) AS "distributed",
             coalesce(s.loss_destroyed, 0) AS "lossDestroyed", coalesce(s.loss_looted, 0) AS "lossLooted",
             coalesce(s.loss_spoiled, 0) AS "lossSpoiled", coalesce(s.loss_missing, 0) AS "lossMissing",
             coalesce(s.adjustments, 0) AS "adjustments",
             l.quantity - coalesce(s.after_period, 0) AS "closing"
      FROM levels l JOIN stock_points sp ON sp.id = l.stock_point_id JOIN items i ON i.id = l.item_id
      LEFT JOIN since s ON s.stock_point_id = l.stock_point_id AND s.item_id = l.item_id
      WHERE l.quantity - coalesce(s.all_since, 0) <> 0 OR s.all_since IS NOT NULL OR l.quantity <> 0
      ORDER BY sp.name, i.code`;
    return { text, values, columns: REPORT_COLUMNS['stock-movements'] };
  }

  /**
   * Items as rows, the organisation's stock points as columns, at the end of the period. The
   * columns depend on the stock points, so they are read first; their ids are bound, and the
   * output columns are named p1…pN, never after anything a user typed.
   */
  async stockOnHand(ctx: ReportContext): Promise<ReportSql> {
    const points: Array<{ id: string; name: string }> = await this.dataSource.query(
      `WITH RECURSIVE ${ADMIN_TREE}
       SELECT sp.id, sp.name FROM stock_points sp JOIN tree tr ON tr.id = sp.location_id
       WHERE sp.organisation_id = $1 AND sp.kind <> 'in_transit' AND ($2::text IS NULL OR ${underPcode('tr', '$2')})
       ORDER BY sp.name LIMIT 200`,
      [ctx.organisationId, ctx.pcode ?? null],
    );
    const { values, p, when } = parameters(ctx.placeholders);
    const zone = p(ctx.zone, 'text');
    const ids = p(points.map((pt) => pt.id), 'uuid[]');
    const perPoint = points.map((pt, n) => `coalesce(sum(a.quantity) FILTER (WHERE a.stock_point_id = ${p(pt.id, 'uuid')}), 0) AS "p${n + 1}"`);
    const text = `WITH bounds AS (SELECT ${startOfLocalDay(`${p(ctx.to, 'date')} + 1`, zone)} AS t1),
      later AS (
        SELECT m.stock_point_id, m.item_id, sum(m.quantity) AS quantity FROM stock_movements m, bounds b
        WHERE m.stock_point_id = ANY(${ids}) AND m.recorded_at >= b.t1 GROUP BY 1, 2),
      at_end AS (
        SELECT s.stock_point_id, s.item_id, s.quantity - coalesce(l.quantity, 0) AS quantity FROM stock_levels s
        LEFT JOIN later l ON l.stock_point_id = s.stock_point_id AND l.item_id = s.item_id
        WHERE s.stock_point_id = ANY(${ids}) AND ${when(ctx.itemId, 'uuid', (v) => `s.item_id = ${v}`)})
      SELECT i.code AS "itemCode", ${nameIn('i', ctx.language)} AS "itemName", i.unit AS "unit"${perPoint.map((c) => `, ${c}`).join('')},
             coalesce(sum(a.quantity), 0) AS "total"
      FROM at_end a JOIN items i ON i.id = a.item_id
      GROUP BY 1, 2, 3 HAVING coalesce(sum(abs(a.quantity)), 0) > 0 ORDER BY i.code`;
    const columns: ReportColumn[] = [
      { key: 'itemCode', header: 'Item code', type: 'text' },
      { key: 'itemName', header: 'Item', type: 'text' },
      { key: 'unit', header: 'Unit', type: 'text' },
      ...points.map((pt, n): ReportColumn => ({ key: `p${n + 1}`, header: pt.name, type: 'number', total: true })),
      { key: 'total', header: 'Total', type: 'number', total: true },
    ];
    return { text, values, columns };
  }

  /** What each donor's receipts brought in, per local month and item (reversed receipts are not netted). */
  receiptsByDonor(ctx: ReportContext): ReportSql {
    const { values, p, when } = parameters(ctx.placeholders);
    const zone = p(ctx.zone, 'text');
    const text = `WITH RECURSIVE ${ADMIN_TREE},
      bounds AS (SELECT ${startOfLocalDay(p(ctx.from, 'text'), zone)} AS t0, ${startOfLocalDay(`${p(ctx.to, 'date')} + 1`, zone)} AS t1)
      SELECT coalesce(m.donor, '(no donor given)') AS "donor", to_char(m.recorded_at AT TIME ZONE ${zone}, 'YYYY-MM') AS "month",
             i.code AS "itemCode", ${nameIn('i', ctx.language)} AS "itemName", sum(m.quantity) AS "quantity", count(*) AS "receipts",
             string_agg(DISTINCT m.pipeline_reference, '; ') AS "pipelineReferences"
      FROM stock_movements m, bounds b, stock_points sp, tree tr, items i
      WHERE m.organisation_id = ${p(ctx.organisationId, 'uuid')} AND m.kind = 'receipt' AND m.recorded_at >= b.t0 AND m.recorded_at < b.t1
        AND sp.id = m.stock_point_id AND tr.id = sp.location_id AND i.id = m.item_id
        AND ${when(ctx.stockPointId, 'uuid', (v) => `m.stock_point_id = ${v}`)}
        AND ${when(ctx.itemId, 'uuid', (v) => `m.item_id = ${v}`)}
        AND ${when(ctx.donor, 'text', (v) => `lower(m.donor) = lower(${v})`)}
        AND ${when(ctx.pcode, 'text', (v) => underPcode('tr', v))}
      GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3`;
    return { text, values, columns: REPORT_COLUMNS['receipts-by-donor'] };
  }
}
