import { Injectable } from '@nestjs/common';
import type { ItemKind, LossCause, MovementKind, StockPointKind } from '@relief-ledger/domain';
import { DataSource, EntityManager } from 'typeorm';
import { updateReturning } from '../common/database/update-returning.js';
import type { PageWindow } from '../common/validation/pagination.js';
import { StockException } from './stock.exception.js';

/**
 * The one owner of `stock_points`, `stock_levels` and `stock_movements` (and the reader of the
 * `items` catalogue): every write of them in the app is here, with one sanctioned exception,
 * the distribution hot path (distributions/distributions.repository.ts, which says why).
 * A level never changes without the movement that explains it: `move` writes both, in the
 * caller's transaction. Every method on an owned table takes the organisation; row-level
 * security holds the same line in the database.
 *
 * Methods that take an EntityManager run in the caller's transaction; the others read on their own.
 */

export interface Movement {
  organisationId: string;
  stockPointId: string;
  itemId: string;
  kind: MovementKind;
  /** Signed change of the level. */
  delta: number;
  recordedBy: string;
  reference?: string | null;
  lossCause?: LossCause | null;
  reason?: string | null;
  transferId?: string | null;
  reversesId?: string | null;
  distributionId?: string | null;
  /** For a loss: the incident that caused it. */
  incidentId?: string | null;
  /** A CSV import: one movement for all its rows at this level. */
  importId?: string | null;
  /** A receipt: who funded it and their pipeline reference. */
  donor?: string | null;
  pipelineReference?: string | null;
  /** When the goods moved, when that is not when recorded (a loss found after the night, a convoy's status time); ISO text with offset or a Date. */
  occurredAt?: Date | string | null;
  /** Field to name when the stock is short. */
  field?: string;
}

/** A movement recorded: its id, and the level right after it. */
export interface Moved {
  movementId: string;
  stockPointId: string;
  itemId: string;
  balance: number;
}

export interface ItemRow {
  id: string;
  code: string;
  name_en: string;
  name_ar: string;
  unit: string;
  kind: ItemKind;
  persons_per_unit: number | null;
  days_per_unit: number | null;
  cover_alert_days: number;
}

export interface StockPointRow {
  id: string;
  name: string;
  kind: StockPointKind;
  location_id: string;
  location_name: string;
  camp_id: string | null;
  version: number;
}

export interface LevelRow {
  stock_point_id: string;
  item_id: string;
  code: string;
  name_en: string;
  unit: string;
  /** bigint: as text. */
  quantity: string;
}

/** A stored movement, as `SELECT *` gives it. */
export interface MovementRow {
  id: string;
  stock_point_id: string;
  item_id: string;
  kind: MovementKind;
  /** bigint: as text. */
  quantity: string;
  reference: string | null;
  loss_cause: LossCause | null;
  reason: string | null;
  transfer_id: string | null;
  reverses_id: string | null;
  distribution_id: string | null;
  incident_id: string | null;
  import_id: string | null;
  donor: string | null;
  pipeline_reference: string | null;
  recorded_by: string;
  recorded_at: Date;
  /** As stored: NULL when the movement happened when recorded. */
  occurred_at: Date | null;
}

/** A movement as read back: with when it happened (the stated time, the distribution's, or when recorded) and whether it can be undone. */
export interface ReadMovementRow extends MovementRow {
  happened_at: Date;
  reversible: boolean;
}

/** A movement of the ledger, with the level right after it. */
export interface LedgerRow extends ReadMovementRow {
  balance: string;
}

/** When a movement happened, for a query over `stock_movements m`: a distribution's movement happened when it was handed out. */
const HAPPENED_AT = `COALESCE(m.occurred_at, (SELECT d.distributed_at FROM distributions d WHERE d.id = m.distribution_id), m.recorded_at) AS happened_at`;

/**
 * Whether `POST /stock/movements/{id}/reverse` would take movement `m`: the service's rules
 * (StockService.reverse) as one expression, so the ledger offers the button only where it works.
 */
const REVERSIBLE = `(m.kind NOT IN ('reversal', 'distribution')
  AND NOT EXISTS (SELECT 1 FROM stock_movements r WHERE r.reverses_id = m.id)
  AND NOT EXISTS (SELECT 1 FROM stock_points p WHERE p.id = m.stock_point_id AND p.kind = 'in_transit')
  AND (m.transfer_id IS NULL OR NOT EXISTS (
    SELECT 1 FROM stock_movements t JOIN stock_points p ON p.id = t.stock_point_id WHERE t.transfer_id = m.transfer_id AND p.kind = 'in_transit'))) AS reversible`;

/** Rows of stock levels are locked in one order everywhere, so two transfers cannot deadlock. */
function inLockOrder<T extends { stockPointId: string; itemId: string }>(moves: T[]): T[] {
  return [...moves].sort((a, b) => (a.stockPointId + a.itemId).localeCompare(b.stockPointId + b.itemId));
}

@Injectable()
export class StockRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * The one way a level changes: a conditional UPDATE that cannot take it below zero (the CHECK
   * would refuse anyway), and the movement that explains it, in the caller's transaction.
   */
  async move(manager: EntityManager, m: Movement): Promise<Moved> {
    if (m.delta > 0) {
      await manager.query(
        `INSERT INTO stock_levels (stock_point_id, item_id, organisation_id, quantity) VALUES ($1, $2, $3, 0) ON CONFLICT DO NOTHING`,
        [m.stockPointId, m.itemId, m.organisationId],
      );
    }
    const [level] = await updateReturning<{ quantity: string }>(
      manager,
      `UPDATE stock_levels SET quantity = quantity + $3, updated_at = now()
       WHERE stock_point_id = $1 AND item_id = $2 AND quantity + $3 >= 0 RETURNING quantity`,
      [m.stockPointId, m.itemId, m.delta],
    );
    if (!level) {
      const [current]: { quantity: string }[] = await manager.query(`SELECT quantity FROM stock_levels WHERE stock_point_id = $1 AND item_id = $2`, [m.stockPointId, m.itemId]);
      throw StockException.insufficient(Number(current?.quantity ?? 0), -m.delta, m.field);
    }
    const [row]: { id: string }[] = await manager.query(
      `INSERT INTO stock_movements (organisation_id, stock_point_id, item_id, kind, quantity, reference, loss_cause, reason, transfer_id, reverses_id, distribution_id, import_id, recorded_by, incident_id, donor, pipeline_reference, occurred_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17) RETURNING id`,
      [
        m.organisationId,
        m.stockPointId,
        m.itemId,
        m.kind,
        m.delta,
        m.reference ?? null,
        m.lossCause ?? null,
        m.reason ?? null,
        m.transferId ?? null,
        m.reversesId ?? null,
        m.distributionId ?? null,
        m.importId ?? null,
        m.recordedBy,
        m.incidentId ?? null,
        m.donor ?? null,
        m.pipelineReference ?? null,
        m.occurredAt ?? null,
      ],
    );
    return { movementId: row.id, stockPointId: m.stockPointId, itemId: m.itemId, balance: Number(level.quantity) };
  }

  /** Several movements in one transaction, in the lock order; the answers come in that order too. */
  async moveInLockOrder(manager: EntityManager, movements: Movement[]): Promise<Moved[]> {
    const moved: Moved[] = [];
    for (const movement of inLockOrder(movements)) moved.push(await this.move(manager, movement));
    return moved;
  }

  /** A convoy's cargo is in transit at a stock point of its own while the convoy is on the road. */
  async openInTransitPoint(manager: EntityManager, organisationId: string, point: { locationId: string; name: string }): Promise<string> {
    const [row]: { id: string }[] = await manager.query(`INSERT INTO stock_points (organisation_id, location_id, name, kind) VALUES ($1, $2, $3, 'in_transit') RETURNING id`, [
      organisationId,
      point.locationId,
      point.name,
    ]);
    return row.id;
  }

  async createPoint(manager: EntityManager, organisationId: string, point: { locationId: string; campId: string | null; name: string; kind: StockPointKind }): Promise<string> {
    const [row]: { id: string }[] = await manager.query(`INSERT INTO stock_points (organisation_id, location_id, camp_id, name, kind) VALUES ($1, $2, $3, $4, $5) RETURNING id`, [
      organisationId,
      point.locationId,
      point.campId,
      point.name,
      point.kind,
    ]);
    return row.id;
  }

  /** The organisation's stock points by name, or the one with `id`; never a convoy's in-transit point. */
  stockPoints(manager: EntityManager, organisationId: string, id?: string): Promise<StockPointRow[]> {
    return manager.query(
      `SELECT p.id, p.name, p.kind, p.location_id, l.name_en AS location_name, p.camp_id, p.version
       FROM stock_points p JOIN locations l ON l.id = p.location_id
       WHERE p.organisation_id = $1 AND ($2::uuid IS NULL OR p.id = $2) AND p.kind <> 'in_transit' ORDER BY p.name`,
      [organisationId, id ?? null],
    );
  }

  /**
   * A new name, only if the stock point is still at `version`: the row as renamed, or undefined
   * when it is not the organisation's (or is a convoy's in-transit point) or has moved on.
   */
  async renamePoint(manager: EntityManager, organisationId: string, id: string, version: number, name: string): Promise<{ version: number } | undefined> {
    const [row] = await updateReturning<{ version: number }>(
      manager,
      `UPDATE stock_points SET name = $4, version = version + 1, updated_at = now()
       WHERE id = $1 AND organisation_id = $2 AND version = $3 AND kind <> 'in_transit' RETURNING version`,
      [id, organisationId, version, name],
    );
    return row;
  }

  /** Whether the organisation has a stock point of this name, whatever its case (other than `exceptId`). */
  async pointNamed(manager: EntityManager, organisationId: string, name: string, exceptId?: string): Promise<boolean> {
    const [row] = await manager.query(`SELECT 1 FROM stock_points WHERE organisation_id = $1 AND lower(name) = lower($2) AND ($3::uuid IS NULL OR id <> $3)`, [organisationId, name, exceptId ?? null]);
    return Boolean(row);
  }

  /**
   * Another organisation's stock point is unknown here: 422 on the body's field, 404 on a path.
   * A convoy's in-transit point can be read but only the convoy moves goods in and out of it.
   */
  async findPointOrThrow(manager: EntityManager, organisationId: string, id: string, field = 'stockPointId', inPath = false): Promise<void> {
    const [row] = await manager.query(`SELECT 1 FROM stock_points WHERE id = $1 AND organisation_id = $2 AND ($3 OR kind <> 'in_transit')`, [id, organisationId, inPath]);
    if (row) return;
    if (inPath) throw StockException.pointNotFound(id);
    throw StockException.stockPointNotFound(field);
  }

  /** Which of `ids` are the organisation's own stock points (in-transit points are not). */
  async ownPointIds(manager: EntityManager, organisationId: string, ids: string[]): Promise<Set<string>> {
    const rows: { id: string }[] = await manager.query(`SELECT id FROM stock_points WHERE organisation_id = $1 AND id = ANY($2) AND kind <> 'in_transit'`, [organisationId, ids]);
    return new Set(rows.map((r) => r.id));
  }

  /** The relief item catalogue, shared by every organisation. */
  items(): Promise<ItemRow[]> {
    return this.dataSource.query(`SELECT * FROM items ORDER BY code`);
  }

  async findItemOrThrow(manager: EntityManager, id: string): Promise<void> {
    const [row] = await manager.query(`SELECT 1 FROM items WHERE id = $1`, [id]);
    if (!row) throw StockException.itemNotFound();
  }

  /** Which of `ids` are items of the catalogue. */
  async itemIds(manager: EntityManager, ids: string[]): Promise<Set<string>> {
    const rows: { id: string }[] = await manager.query(`SELECT id FROM items WHERE id = ANY($1)`, [ids]);
    return new Set(rows.map((r) => r.id));
  }

  /** Every item's id by its code. */
  async itemIdsByCode(manager: EntityManager): Promise<Map<string, string>> {
    const rows: { code: string; id: string }[] = await manager.query(`SELECT code, id FROM items`);
    return new Map(rows.map((i) => [i.code, i.id]));
  }

  levels(organisationId: string, stockPointId: string): Promise<LevelRow[]> {
    return this.dataSource.query(
      `SELECT s.stock_point_id, s.item_id, i.code, i.name_en, i.unit, s.quantity
       FROM stock_levels s JOIN items i ON i.id = s.item_id WHERE s.stock_point_id = $1 AND s.organisation_id = $2 ORDER BY i.code`,
      [stockPointId, organisationId],
    );
  }

  /** The level now, locked until the transaction ends (0 when the point never held the item). */
  async lockLevel(manager: EntityManager, organisationId: string, stockPointId: string, itemId: string): Promise<number> {
    const [level]: { quantity: string }[] = await manager.query(
      `SELECT quantity FROM stock_levels WHERE stock_point_id = $1 AND item_id = $2 AND organisation_id = $3 FOR UPDATE`,
      [stockPointId, itemId, organisationId],
    );
    return Number(level?.quantity ?? 0);
  }

  /** One page of one item's movements at one stock point, newest first, each with the level right after it. */
  async ledger(organisationId: string, stockPointId: string, itemId: string, window: PageWindow): Promise<{ total: number; rows: LedgerRow[] }> {
    const [{ total }]: { total: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM stock_movements WHERE stock_point_id = $1 AND item_id = $2 AND organisation_id = $3`,
      [stockPointId, itemId, organisationId],
    );
    const rows: LedgerRow[] = await this.dataSource.query(
      // The running balance needs every movement of the level; when each happened and whether it
      // can be undone are asked only of the page's rows, outside.
      `SELECT m.*, ${HAPPENED_AT}, ${REVERSIBLE} FROM (
         SELECT s.*, sum(s.quantity) OVER (ORDER BY s.seq) AS balance
         FROM stock_movements s WHERE s.stock_point_id = $1 AND s.item_id = $2 AND s.organisation_id = $5
         ORDER BY s.seq DESC LIMIT $3 OFFSET $4
       ) m ORDER BY m.seq DESC`,
      [stockPointId, itemId, window.pageSize, window.skip, organisationId],
    );
    return { total, rows };
  }

  movements(manager: EntityManager, organisationId: string, ids: string[]): Promise<ReadMovementRow[]> {
    return manager.query(`SELECT m.*, ${HAPPENED_AT}, ${REVERSIBLE} FROM stock_movements m WHERE m.id = ANY($1) AND m.organisation_id = $2`, [ids, organisationId]);
  }

  async findMovement(manager: EntityManager, organisationId: string, id: string): Promise<MovementRow | undefined> {
    const [row]: MovementRow[] = await manager.query(`SELECT * FROM stock_movements WHERE id = $1 AND organisation_id = $2`, [id, organisationId]);
    return row;
  }

  /** Whether the movement, or the other leg of its transfer, moved goods in or out of a convoy. */
  async movedByConvoy(manager: EntityManager, organisationId: string, movement: Pick<MovementRow, 'id' | 'transfer_id'>): Promise<boolean> {
    const [row] = await manager.query(
      `SELECT 1 FROM stock_movements m JOIN stock_points p ON p.id = m.stock_point_id
       WHERE p.kind = 'in_transit' AND (m.id = $1 OR m.transfer_id = $2) AND m.organisation_id = $3`,
      [movement.id, movement.transfer_id, organisationId],
    );
    return Boolean(row);
  }

  async isReversed(manager: EntityManager, organisationId: string, movementId: string): Promise<boolean> {
    const [row] = await manager.query(`SELECT 1 FROM stock_movements WHERE reverses_id = $1 AND organisation_id = $2`, [movementId, organisationId]);
    return Boolean(row);
  }

  /** Donors the organisation has recorded receipts from, most used first (at most 20). */
  async donors(organisationId: string, prefix: string | undefined): Promise<string[]> {
    const rows: { donor: string }[] = await this.dataSource.query(
      `SELECT min(donor) AS donor FROM stock_movements
       WHERE organisation_id = $1 AND donor IS NOT NULL AND ($2::text IS NULL OR lower(donor) LIKE lower($2) || '%')
       GROUP BY lower(donor) ORDER BY count(*) DESC, 1 LIMIT 20`,
      [organisationId, prefix?.replace(/[\\%_]/g, (c) => `\\${c}`) ?? null],
    );
    return rows.map((r) => r.donor);
  }
}
