import { fieldProblem } from '@relief-ledger/domain';
import { Injectable } from '@nestjs/common';
import type { ItemResponse, MovementResponse, Page, StockLevelResponse, StockPointResponse } from '@relief-ledger/domain';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService, changedFieldNames } from '../audit/audit.service.js';
import type { Actor } from '../auth/actor.js';
import { ValidationException } from '../common/problem/app-exception.js';
import { pageWindow, toPage } from '../common/validation/pagination.js';
import { AdjustmentDto, CreateStockPointDto, LedgerQueryDto, LossDto, ReceiptDto, ReversalDto, TransferDto } from './dto/stock.dto.js';
import { inLockOrder, move } from './stock-ledger.js';

type Moved = Awaited<ReturnType<typeof move>>;
import { StockException } from './stock.exception.js';

interface MovementRow {
  id: string;
  stock_point_id: string;
  item_id: string;
  kind: MovementResponse['kind'];
  quantity: string;
  balance: string;
  reference: string | null;
  loss_cause: MovementResponse['lossCause'];
  reason: string | null;
  reverses_id: string | null;
  distribution_id: string | null;
  incident_id: string | null;
  import_id: string | null;
  donor: string | null;
  pipeline_reference: string | null;
  recorded_by: string;
  recorded_at: Date;
}

/** Stock points, levels and the movement ledger of the actor's organisation. */
@Injectable()
export class StockService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async listItems(): Promise<ItemResponse[]> {
    const rows = await this.dataSource.query(`SELECT * FROM items ORDER BY code`);
    return rows.map((r: Record<string, unknown>) => ({
      id: r.id,
      code: r.code,
      nameEn: r.name_en,
      nameAr: r.name_ar,
      unit: r.unit,
      kind: r.kind,
      personsPerUnit: r.persons_per_unit,
      daysPerUnit: r.days_per_unit,
      coverAlertDays: r.cover_alert_days,
    })) as ItemResponse[];
  }

  /** Donors this organisation has recorded receipts from, most used first: suggestions for the receipt form. */
  async donors(actor: Actor, prefix?: string): Promise<string[]> {
    const rows: Array<{ donor: string }> = await this.dataSource.query(
      `SELECT min(donor) AS donor FROM stock_movements
       WHERE organisation_id = $1 AND donor IS NOT NULL AND ($2::text IS NULL OR lower(donor) LIKE lower($2) || '%')
       GROUP BY lower(donor) ORDER BY count(*) DESC, 1 LIMIT 20`,
      [actor.organisationId, prefix?.replace(/[\\%_]/g, (c) => `\\${c}`) ?? null],
    );
    return rows.map((r) => r.donor);
  }

  listStockPoints(actor: Actor): Promise<StockPointResponse[]> {
    return this.stockPoints(this.dataSource.manager, actor);
  }

  async createStockPoint(actor: Actor, dto: CreateStockPointDto): Promise<StockPointResponse> {
    if ((dto.kind === 'camp_store') !== Boolean(dto.campId)) {
      throw new ValidationException([fieldProblem('campId', dto.kind === 'camp_store' ? 'field.camp_store_needs_camp' : 'field.only_camp_store')], 422);
    }
    return this.dataSource.transaction(async (manager) => {
      if (dto.campId) {
        const [camp] = await manager.query(`SELECT 1 FROM camps WHERE id = $1 AND organisation_id = $2`, [dto.campId, actor.organisationId]);
        if (!camp) throw new ValidationException([fieldProblem('campId', 'field.no_such_here', { what: 'camp' })], 422);
      }
      const [row] = await manager.query(
        `INSERT INTO stock_points (organisation_id, location_id, camp_id, name, kind) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [actor.organisationId, dto.locationId, dto.campId ?? null, dto.name, dto.kind],
      );
      await this.audit.record(manager, actor, { action: 'create', entity: 'stock_point', entityId: row.id, changedFields: changedFieldNames(dto) });
      return (await this.stockPoints(manager, actor, row.id))[0];
    });
  }

  async levels(actor: Actor, stockPointId: string): Promise<StockLevelResponse[]> {
    await this.findPointOrThrow(this.dataSource.manager, actor, stockPointId, 'id', true);
    const rows = await this.dataSource.query(
      `SELECT s.stock_point_id, s.item_id, i.code, i.name_en, i.unit, s.quantity
       FROM stock_levels s JOIN items i ON i.id = s.item_id WHERE s.stock_point_id = $1 ORDER BY i.code`,
      [stockPointId],
    );
    return rows.map((r: Record<string, string>) => ({
      stockPointId: r.stock_point_id,
      itemId: r.item_id,
      itemCode: r.code,
      itemName: r.name_en,
      unit: r.unit,
      quantity: Number(r.quantity),
    }));
  }

  /** One item's movements at one stock point, newest first, each with the level right after it. */
  async ledger(actor: Actor, stockPointId: string, query: LedgerQueryDto): Promise<Page<MovementResponse>> {
    await this.findPointOrThrow(this.dataSource.manager, actor, stockPointId, 'id', true);
    const window = pageWindow(query);
    const [{ total }] = await this.dataSource.query(`SELECT count(*)::int AS total FROM stock_movements WHERE stock_point_id = $1 AND item_id = $2`, [
      stockPointId,
      query.itemId,
    ]);
    const rows: MovementRow[] = await this.dataSource.query(
      `SELECT * FROM (
         SELECT m.*, sum(m.quantity) OVER (ORDER BY m.seq) AS balance
         FROM stock_movements m WHERE m.stock_point_id = $1 AND m.item_id = $2
       ) ledger ORDER BY seq DESC LIMIT $3 OFFSET $4`,
      [stockPointId, query.itemId, window.pageSize, window.skip],
    );
    return toPage(rows.map(toMovementResponse), total, window);
  }

  async receive(actor: Actor, dto: ReceiptDto): Promise<MovementResponse> {
    return this.recording(actor, 'receipt', dto, async (manager) => {
      await this.findPointOrThrow(manager, actor, dto.stockPointId);
      await this.findItemOrThrow(manager, dto.itemId);
      return [
        await this.moveFor(manager, actor, {
          stockPointId: dto.stockPointId,
          itemId: dto.itemId,
          kind: 'receipt',
          delta: dto.quantity,
          reference: dto.reference,
          donor: dto.donor,
          pipelineReference: dto.pipelineReference,
        }),
      ];
    }).then((movements) => movements[0]);
  }

  /** Out of one point and into another in one transaction; both or neither. */
  async transfer(actor: Actor, dto: TransferDto): Promise<MovementResponse[]> {
    if (dto.fromStockPointId === dto.toStockPointId) throw StockException.sameStockPoint();
    return this.recording(actor, 'transfer', dto, async (manager) => {
      await this.findPointOrThrow(manager, actor, dto.fromStockPointId, 'fromStockPointId');
      await this.findPointOrThrow(manager, actor, dto.toStockPointId, 'toStockPointId');
      await this.findItemOrThrow(manager, dto.itemId);
      const transferId = randomUUID();
      const legs = inLockOrder([
        { stockPointId: dto.fromStockPointId, itemId: dto.itemId, kind: 'transfer_out' as const, delta: -dto.quantity },
        { stockPointId: dto.toStockPointId, itemId: dto.itemId, kind: 'transfer_in' as const, delta: dto.quantity },
      ]);
      const moved: Moved[] = [];
      for (const leg of legs) moved.push(await this.moveFor(manager, actor, { ...leg, reference: dto.reference, transferId }));
      return moved;
    });
  }

  async loss(actor: Actor, dto: LossDto): Promise<MovementResponse> {
    return this.recording(actor, 'loss', dto, async (manager) => {
      await this.findPointOrThrow(manager, actor, dto.stockPointId);
      await this.findItemOrThrow(manager, dto.itemId);
      if (dto.incidentId) {
        const [incident] = await manager.query(`SELECT 1 FROM incidents WHERE id = $1`, [dto.incidentId]);
        if (!incident) throw new ValidationException([fieldProblem('incidentId', 'field.no_such', { what: 'incident' })], 422);
      }
      return [
        await this.moveFor(manager, actor, {
          stockPointId: dto.stockPointId,
          itemId: dto.itemId,
          kind: 'loss',
          delta: -dto.quantity,
          lossCause: dto.cause,
          reason: dto.reason,
          incidentId: dto.incidentId,
        }),
      ];
    }).then((movements) => movements[0]);
  }

  /** A stock count: the movement is the difference between what was counted and the level. */
  async adjust(actor: Actor, dto: AdjustmentDto): Promise<MovementResponse> {
    return this.recording(actor, 'adjustment', dto, async (manager) => {
      await this.findPointOrThrow(manager, actor, dto.stockPointId);
      await this.findItemOrThrow(manager, dto.itemId);
      const [level] = await manager.query(`SELECT quantity FROM stock_levels WHERE stock_point_id = $1 AND item_id = $2 FOR UPDATE`, [dto.stockPointId, dto.itemId]);
      const delta = dto.countedQuantity - Number(level?.quantity ?? 0);
      if (delta === 0) throw StockException.nothingCounted();
      return [await this.moveFor(manager, actor, { stockPointId: dto.stockPointId, itemId: dto.itemId, kind: 'adjustment', delta, reason: dto.reason })];
    }).then((movements) => movements[0]);
  }

  /** Undoes one movement with its opposite; a transfer is undone leg by leg, a distribution not here. */
  async reverse(actor: Actor, movementId: string, dto: ReversalDto): Promise<MovementResponse> {
    return this.recording(actor, 'reversal', { movementId, ...dto }, async (manager) => {
      const [original] = await manager.query(`SELECT * FROM stock_movements WHERE id = $1 AND organisation_id = $2`, [movementId, actor.organisationId]);
      if (!original) throw StockException.movementNotFound(movementId);
      if (original.kind === 'reversal') throw StockException.notReversible('reversal');
      if (original.kind === 'distribution') throw StockException.notReversible('distribution');
      const [convoyLeg] = await manager.query(
        `SELECT 1 FROM stock_movements m JOIN stock_points p ON p.id = m.stock_point_id
         WHERE p.kind = 'in_transit' AND (m.id = $1 OR m.transfer_id = $2)`,
        [movementId, original.transfer_id],
      );
      if (convoyLeg) throw StockException.notReversible('convoy');
      const [done] = await manager.query(`SELECT 1 FROM stock_movements WHERE reverses_id = $1`, [movementId]);
      if (done) throw StockException.notReversible('done');
      return [
        await this.moveFor(manager, actor, {
          stockPointId: original.stock_point_id,
          itemId: original.item_id,
          kind: 'reversal',
          delta: -Number(original.quantity),
          reversesId: movementId,
          reason: dto.reason,
        }),
      ];
    }).then((movements) => movements[0]);
  }

  private async moveFor(manager: EntityManager, actor: Actor, m: Omit<Parameters<typeof move>[1], 'organisationId' | 'recordedBy'>): Promise<Moved> {
    return move(manager, { ...m, organisationId: actor.organisationId, recordedBy: actor.userId });
  }

  /** One transaction: the movements, their audit row, and the answer read back with balances. */
  private async recording(actor: Actor, action: string, body: object, write: (manager: EntityManager) => Promise<Moved[]>): Promise<MovementResponse[]> {
    return this.dataSource.transaction(async (manager) => {
      const moved = await write(manager);
      await this.audit.record(manager, actor, { action, entity: 'stock_movement', entityId: moved[0].movementId, changedFields: changedFieldNames(body) });
      const rows: Omit<MovementRow, 'balance'>[] = await manager.query(`SELECT * FROM stock_movements WHERE id = ANY($1)`, [moved.map((m) => m.movementId)]);
      return moved.map((m) => toMovementResponse({ ...rows.find((r) => r.id === m.movementId)!, balance: String(m.balance) }));
    });
  }

  /** The organisation's stock points by name, or the one with `id`. */
  private async stockPoints(manager: EntityManager, actor: Actor, id?: string): Promise<StockPointResponse[]> {
    const rows = await manager.query(
      `SELECT p.id, p.name, p.kind, p.location_id, l.name_en AS location_name, p.camp_id
       FROM stock_points p JOIN locations l ON l.id = p.location_id
       WHERE p.organisation_id = $1 AND ($2::uuid IS NULL OR p.id = $2) AND p.kind <> 'in_transit' ORDER BY p.name`,
      [actor.organisationId, id ?? null],
    );
    return rows.map((r: Record<string, string>) => ({ id: r.id, name: r.name, kind: r.kind, locationId: r.location_id, locationName: r.location_name, campId: r.camp_id })) as StockPointResponse[];
  }

  /**
   * Another organisation's stock point is unknown here: 422 on the body's field, 404 on a path.
   * A convoy's in-transit point can be read but only the convoy moves goods in and out of it.
   */
  private async findPointOrThrow(manager: EntityManager, actor: Actor, id: string, field = 'stockPointId', inPath = false): Promise<void> {
    const [row] = await manager.query(`SELECT 1 FROM stock_points WHERE id = $1 AND organisation_id = $2 AND ($3 OR kind <> 'in_transit')`, [id, actor.organisationId, inPath]);
    if (row) return;
    if (inPath) throw StockException.pointNotFound(id);
    throw StockException.stockPointNotFound(field);
  }

  private async findItemOrThrow(manager: EntityManager, id: string): Promise<void> {
    const [row] = await manager.query(`SELECT 1 FROM items WHERE id = $1`, [id]);
    if (!row) throw StockException.itemNotFound();
  }
}

function toMovementResponse(r: MovementRow): MovementResponse {
  return {
    id: r.id,
    stockPointId: r.stock_point_id,
    itemId: r.item_id,
    kind: r.kind,
    quantity: Number(r.quantity),
    balance: Number(r.balance),
    reference: r.reference,
    lossCause: r.loss_cause,
    reason: r.reason,
    reversesId: r.reverses_id,
    distributionId: r.distribution_id,
    incidentId: r.incident_id,
    importId: r.import_id,
    donor: r.donor,
    pipelineReference: r.pipeline_reference,
    recordedBy: r.recorded_by,
    recordedAt: r.recorded_at.toISOString(),
  };
}
