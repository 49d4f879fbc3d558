import { countAdjustment, fieldProblem } from '@relief-ledger/domain';
import { Injectable } from '@nestjs/common';
import type { ItemResponse, MovementResponse, Page, StockLevelResponse, StockPointResponse } from '@relief-ledger/domain';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { Replays, type Replayed } from '../common/replay/replays.js';
import { AuditService, changedFieldNames } from '../audit/audit.service.js';
import { CampsService } from '../camps/camps.service.js';
import type { Actor } from '../common/actor.js';
import { ValidationException } from '../common/problem/app-exception.js';
import { pageWindow, toPage } from '../common/validation/pagination.js';
import { IncidentsService } from '../incidents/incidents.service.js';
import { instantOf } from '../common/validation/decorators.js';
import { AdjustmentDto, CreateStockPointDto, LedgerQueryDto, LossDto, ReceiptDto, RenameStockPointDto, ReversalDto, TransferDto } from './dto/stock.dto.js';
import { StockException } from './stock.exception.js';
import { type LedgerRow, type Movement, type Moved, type StockPointRow, StockRepository } from './stock.repository.js';

/** Stock points, levels and the movement ledger of the actor's organisation. */
@Injectable()
export class StockService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: StockRepository,
    private readonly audit: AuditService,
    private readonly camps: CampsService,
    private readonly incidents: IncidentsService,
    private readonly replays: Replays,
  ) {}

  async listItems(): Promise<ItemResponse[]> {
    const rows = await this.repository.items();
    return rows.map((r) => ({
      id: r.id,
      code: r.code,
      nameEn: r.name_en,
      nameAr: r.name_ar,
      unit: r.unit,
      kind: r.kind,
      personsPerUnit: r.persons_per_unit,
      daysPerUnit: r.days_per_unit,
      coverAlertDays: r.cover_alert_days,
    }));
  }

  /** Donors this organisation has recorded receipts from, most used first: suggestions for the receipt form. */
  donors(actor: Actor, prefix?: string): Promise<string[]> {
    return this.repository.donors(actor.organisationId, prefix);
  }

  async listStockPoints(actor: Actor): Promise<StockPointResponse[]> {
    return (await this.repository.stockPoints(this.dataSource.manager, actor.organisationId)).map(toStockPointResponse);
  }

  async createStockPoint(actor: Actor, dto: CreateStockPointDto, idempotencyKey?: string): Promise<Replayed<StockPointResponse>> {
    if ((dto.kind === 'camp_store') !== Boolean(dto.campId)) {
      throw new ValidationException([fieldProblem('campId', dto.kind === 'camp_store' ? 'field.camp_store_needs_camp' : 'field.only_camp_store')], 422);
    }
    const request = { operation: 'stock_point.create', clientId: dto.clientId, header: idempotencyKey, content: dto };
    return this.dataSource.transaction((manager) => this.replays.once(manager, actor.organisationId, request, async () => {
      await this.nameFreeOrThrow(manager, actor, dto.name);
      if (dto.campId && !(await this.camps.campLocations(manager, actor, [dto.campId])).has(dto.campId)) {
        throw new ValidationException([fieldProblem('campId', 'field.no_such_here', { what: 'camp' })], 422);
      }
      const id = await this.repository.createPoint(manager, actor.organisationId, { locationId: dto.locationId, campId: dto.campId ?? null, name: dto.name, kind: dto.kind });
      await this.audit.record(manager, actor, { action: 'create', entity: 'stock_point', entityId: id, changedFields: changedFieldNames(dto) });
      return { recordId: id, answer: toStockPointResponse((await this.repository.stockPoints(manager, actor.organisationId, id))[0]) };
    }));
  }

  /** A new name, at the version the person read: someone else's rename in between is a 409, not overwritten. */
  async renameStockPoint(actor: Actor, id: string, version: number, dto: RenameStockPointDto): Promise<StockPointResponse> {
    return this.dataSource.transaction(async (manager) => {
      const [current] = await this.repository.stockPoints(manager, actor.organisationId, id);
      if (!current) throw StockException.pointNotFound(id);
      if (current.version !== version) throw StockException.staleVersion(version, current.version);
      await this.nameFreeOrThrow(manager, actor, dto.name, id);
      const renamed = await this.repository.renamePoint(manager, actor.organisationId, id, version, dto.name);
      if (!renamed) throw StockException.staleVersion(version, (await this.repository.stockPoints(manager, actor.organisationId, id))[0]?.version ?? version);
      await this.audit.record(manager, actor, { action: 'update', entity: 'stock_point', entityId: id, changedFields: ['name'] });
      return toStockPointResponse((await this.repository.stockPoints(manager, actor.organisationId, id))[0]);
    });
  }

  /** Names are unique in an organisation whatever their case (the database's index says so too, in fewer words). */
  private async nameFreeOrThrow(manager: EntityManager, actor: Actor, name: string, exceptId?: string): Promise<void> {
    if (await this.repository.pointNamed(manager, actor.organisationId, name, exceptId)) throw StockException.duplicateName(name);
  }

  async levels(actor: Actor, stockPointId: string): Promise<StockLevelResponse[]> {
    await this.repository.findPointOrThrow(this.dataSource.manager, actor.organisationId, stockPointId, 'id', true);
    const rows = await this.repository.levels(actor.organisationId, stockPointId);
    return rows.map((r) => ({
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
    await this.repository.findPointOrThrow(this.dataSource.manager, actor.organisationId, stockPointId, 'id', true);
    const window = pageWindow(query);
    const { total, rows } = await this.repository.ledger(actor.organisationId, stockPointId, query.itemId, window);
    return toPage(rows.map(toMovementResponse), total, window);
  }

  async receive(actor: Actor, dto: ReceiptDto, idempotencyKey?: string): Promise<Replayed<MovementResponse>> {
    return this.recording(actor, 'receipt', dto, idempotencyKey, async (manager) => {
      await this.repository.findPointOrThrow(manager, actor.organisationId, dto.stockPointId);
      await this.repository.findItemOrThrow(manager, dto.itemId);
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
    }).then(({ replayed, answer }) => ({ replayed, answer: answer[0] }));
  }

  /** Out of one point and into another in one transaction; both or neither. */
  async transfer(actor: Actor, dto: TransferDto, idempotencyKey?: string): Promise<Replayed<MovementResponse[]>> {
    if (dto.fromStockPointId === dto.toStockPointId) throw StockException.sameStockPoint();
    return this.recording(actor, 'transfer', dto, idempotencyKey, async (manager) => {
      await this.repository.findPointOrThrow(manager, actor.organisationId, dto.fromStockPointId, 'fromStockPointId');
      await this.repository.findPointOrThrow(manager, actor.organisationId, dto.toStockPointId, 'toStockPointId');
      await this.repository.findItemOrThrow(manager, dto.itemId);
      const transferId = randomUUID();
      const recorded = { organisationId: actor.organisationId, recordedBy: actor.userId, itemId: dto.itemId, reference: dto.reference, transferId };
      return this.repository.moveInLockOrder(manager, [
        { ...recorded, stockPointId: dto.fromStockPointId, kind: 'transfer_out', delta: -dto.quantity },
        { ...recorded, stockPointId: dto.toStockPointId, kind: 'transfer_in', delta: dto.quantity },
      ]);
    });
  }

  async loss(actor: Actor, dto: LossDto, idempotencyKey?: string): Promise<Replayed<MovementResponse>> {
    return this.recording(actor, 'loss', dto, idempotencyKey, async (manager) => {
      await this.repository.findPointOrThrow(manager, actor.organisationId, dto.stockPointId);
      await this.repository.findItemOrThrow(manager, dto.itemId);
      if (dto.incidentId && !(await this.incidents.exists(manager, dto.incidentId))) {
        throw new ValidationException([fieldProblem('incidentId', 'field.no_such', { what: 'incident' })], 422);
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
          occurredAt: dto.occurredAt ? instantOf(dto.occurredAt) : null,
        }),
      ];
    }).then(({ replayed, answer }) => ({ replayed, answer: answer[0] }));
  }

  /** A stock count: the movement is the difference between what was counted and the level. */
  async adjust(actor: Actor, dto: AdjustmentDto, idempotencyKey?: string): Promise<Replayed<MovementResponse>> {
    return this.recording(actor, 'adjustment', dto, idempotencyKey, async (manager) => {
      await this.repository.findPointOrThrow(manager, actor.organisationId, dto.stockPointId);
      await this.repository.findItemOrThrow(manager, dto.itemId);
      const level = await this.repository.lockLevel(manager, actor.organisationId, dto.stockPointId, dto.itemId);
      const delta = countAdjustment({ level, counted: dto.countedQuantity });
      if (delta === 0) throw StockException.nothingCounted();
      return [await this.moveFor(manager, actor, { stockPointId: dto.stockPointId, itemId: dto.itemId, kind: 'adjustment', delta, reason: dto.reason })];
    }).then(({ replayed, answer }) => ({ replayed, answer: answer[0] }));
  }

  /** Undoes one movement with its opposite; a transfer is undone leg by leg, a distribution not here. */
  async reverse(actor: Actor, movementId: string, dto: ReversalDto, idempotencyKey?: string): Promise<Replayed<MovementResponse>> {
    return this.recording(actor, 'reversal', { movementId, ...dto }, idempotencyKey, async (manager) => {
      const original = await this.repository.findMovement(manager, actor.organisationId, movementId);
      if (!original) throw StockException.movementNotFound(movementId);
      if (original.kind === 'reversal') throw StockException.notReversible('reversal');
      if (original.kind === 'distribution') throw StockException.notReversible('distribution');
      if (await this.repository.movedByConvoy(manager, actor.organisationId, original)) throw StockException.notReversible('convoy');
      if (await this.repository.isReversed(manager, actor.organisationId, movementId)) throw StockException.notReversible('done');
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
    }).then(({ replayed, answer }) => ({ replayed, answer: answer[0] }));
  }

  private moveFor(manager: EntityManager, actor: Actor, m: Omit<Movement, 'organisationId' | 'recordedBy'>): Promise<Moved> {
    return this.repository.move(manager, { ...m, organisationId: actor.organisationId, recordedBy: actor.userId });
  }

  /** One transaction: the movements, their audit row, and the answer read back with balances. */
  /**
   * One transaction: the movements, their audit row, and the answer read back with balances;
   * a re-send with the same key (client id or Idempotency-Key) answers the first answer again.
   */
  private async recording<B extends { clientId?: string }>(actor: Actor, action: string, body: B, idempotencyKey: string | undefined, write: (manager: EntityManager) => Promise<Moved[]>): Promise<Replayed<MovementResponse[]>> {
    const request = { operation: `stock.${action}`, clientId: body.clientId, header: idempotencyKey, content: body };
    return this.dataSource.transaction((manager) =>
      this.replays.once(manager, actor.organisationId, request, async () => {
        const moved = await write(manager);
        await this.audit.record(manager, actor, { action, entity: 'stock_movement', entityId: moved[0].movementId, changedFields: changedFieldNames(body) });
        const rows = await this.repository.movements(manager, actor.organisationId, moved.map((m) => m.movementId));
        return { recordId: moved[0].movementId, answer: moved.map((m) => toMovementResponse({ ...rows.find((r) => r.id === m.movementId)!, balance: String(m.balance) })) };
      }),
    );
  }
}

function toStockPointResponse(r: StockPointRow): StockPointResponse {
  return { id: r.id, name: r.name, kind: r.kind, locationId: r.location_id, locationName: r.location_name, campId: r.camp_id, version: r.version };
}

function toMovementResponse(r: LedgerRow): MovementResponse {
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
    occurredAt: r.happened_at.toISOString(),
    reversible: r.reversible,
    recordedAt: r.recorded_at.toISOString(),
  };
}
