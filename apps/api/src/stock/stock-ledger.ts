import type { LossCause, MovementKind } from '@relief-ledger/domain';
import type { EntityManager } from 'typeorm';
import { updateReturning } from '../common/database/update-returning.js';
import { StockException } from './stock.exception.js';

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
  /** Field to name when the stock is short. */
  field?: string;
}

/**
 * The one way a level changes: a conditional UPDATE that cannot take it below zero (the CHECK
 * would refuse anyway), and the movement that explains it, in the caller's transaction.
 * Returns the movement id and the level right after it.
 */
export async function move(manager: EntityManager, m: Movement): Promise<{ movementId: string; balance: number }> {
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
    const [current] = await manager.query(`SELECT quantity FROM stock_levels WHERE stock_point_id = $1 AND item_id = $2`, [m.stockPointId, m.itemId]);
    throw StockException.insufficient(Number(current?.quantity ?? 0), -m.delta, m.field);
  }
  const [row] = await manager.query(
    `INSERT INTO stock_movements (organisation_id, stock_point_id, item_id, kind, quantity, reference, loss_cause, reason, transfer_id, reverses_id, distribution_id, import_id, recorded_by, incident_id, donor, pipeline_reference)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16) RETURNING id`,
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
    ],
  );
  return { movementId: row.id, balance: Number(level.quantity) };
}

/** Rows of stock levels are locked in one order everywhere, so two transfers cannot deadlock. */
export function inLockOrder<T extends { stockPointId: string; itemId: string }>(moves: T[]): T[] {
  return [...moves].sort((a, b) => (a.stockPointId + a.itemId).localeCompare(b.stockPointId + b.itemId));
}
