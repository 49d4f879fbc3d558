import { DONOR_LIMITS, STOCK_LIMITS, ITEM_KINDS, LOSS_CAUSES, MOVEMENT_KINDS, STOCK_POINT_KINDS } from '@relief-ledger/domain';
import type {
  AdjustmentRequest,
  CreateStockPointRequest,
  ItemKind,
  ItemResponse,
  LossCause,
  LossRequest,
  MovementKind,
  MovementResponse,
  ReceiptRequest,
  RenameStockPointRequest,
  ReversalRequest,
  StockLevelResponse,
  StockPointKind,
  StockPointResponse,
  TransferRequest,
} from '@relief-ledger/domain';
import { EnumField, FlagField, IdField, InstantField, IntField, NumberField, TextField } from '../../common/openapi/response-fields.js';
import { Count, Instant, OneOf, Text, Uuid } from '../../common/validation/decorators.js';
import { PageQueryDto } from '../../common/validation/pagination.js';

/** More than any stock point holds (a warehouse of 20,000 parcels); keeps arithmetic exact. */
const QUANTITY_MAX = STOCK_LIMITS.quantityMax;

export class CreateStockPointDto implements CreateStockPointRequest {
  @Uuid({ optional: true, description: 'Made up by the device; a re-send with it answers the first result (or send an Idempotency-Key header)' }) clientId?: string;
  @Text(STOCK_LIMITS.stockPointNameMaxLength) name: string;
  @OneOf(STOCK_POINT_KINDS) kind: StockPointKind;
  @Uuid() locationId: string;
  @Uuid({ optional: true, description: 'Required for a camp store' }) campId?: string;
}

export class RenameStockPointDto implements RenameStockPointRequest {
  @Text(STOCK_LIMITS.stockPointNameMaxLength) name: string;
  @Count(2_147_483_647, { optional: true, description: 'The version you last read (or send If-Match)' }) version?: number;
}

export class ReceiptDto implements ReceiptRequest {
  @Uuid({ optional: true, description: 'Made up by the device; a re-send with it answers the first result (or send an Idempotency-Key header)' }) clientId?: string;
  @Uuid() stockPointId: string;
  @Uuid() itemId: string;
  @Count(QUANTITY_MAX) quantity: number;
  @Text(STOCK_LIMITS.referenceMaxLength, { description: 'Waybill or delivery note reference' }) reference: string;
  @Text(DONOR_LIMITS.donorMaxLength, { optional: true, description: 'Funding organisation (GET /stock/donors suggests those used before)' }) donor?: string;
  @Text(DONOR_LIMITS.pipelineReferenceMaxLength, { optional: true, description: "The donor's pipeline or grant reference" }) pipelineReference?: string;
}

export class DonorQueryDto {
  @Text(200, { optional: true, description: 'Beginning of the name' }) q?: string;
}

export class TransferDto implements TransferRequest {
  @Uuid({ optional: true, description: 'Made up by the device; a re-send with it answers the first result (or send an Idempotency-Key header)' }) clientId?: string;
  @Uuid() fromStockPointId: string;
  @Uuid() toStockPointId: string;
  @Uuid() itemId: string;
  @Count(QUANTITY_MAX) quantity: number;
  @Text(STOCK_LIMITS.referenceMaxLength, { optional: true }) reference?: string;
}

export class LossDto implements LossRequest {
  @Uuid({ optional: true, description: 'Made up by the device; a re-send with it answers the first result (or send an Idempotency-Key header)' }) clientId?: string;
  @Uuid() stockPointId: string;
  @Uuid() itemId: string;
  @Count(QUANTITY_MAX) quantity: number;
  @OneOf(LOSS_CAUSES) cause: LossCause;
  @Text(STOCK_LIMITS.reasonMaxLength, { optional: true }) reason?: string;
  @Uuid({ optional: true, description: 'The incident that caused the loss' }) incidentId?: string;
  @Instant({ optional: true, kind: 'past', description: 'When the goods were lost, with offset; defaults to now' }) occurredAt?: string;
}

export class AdjustmentDto implements AdjustmentRequest {
  @Uuid({ optional: true, description: 'Made up by the device; a re-send with it answers the first result (or send an Idempotency-Key header)' }) clientId?: string;
  @Uuid() stockPointId: string;
  @Uuid() itemId: string;
  @Count(QUANTITY_MAX, { description: 'What the count found' }) countedQuantity: number;
  @Text(STOCK_LIMITS.reasonMaxLength) reason: string;
}

export class ReversalDto implements ReversalRequest {
  @Uuid({ optional: true, description: 'Made up by the device; a re-send with it answers the first result (or send an Idempotency-Key header)' }) clientId?: string;
  @Text(STOCK_LIMITS.reasonMaxLength) reason: string;
}

export class LedgerQueryDto extends PageQueryDto {
  @Uuid() itemId: string;
}

export class ItemResponseDto implements ItemResponse {
  @IdField() id: string;
  @TextField({ example: 'FOOD-PARCEL' }) code: string;
  @TextField({ example: 'Family food parcel' }) nameEn: string;
  @TextField() nameAr: string;
  @TextField({ example: 'parcel' }) unit: string;
  @EnumField(ITEM_KINDS) kind: ItemKind;
  @NumberField({ nullable: true, description: 'People one unit serves (a food parcel: 5)' }) personsPerUnit: number | null;
  @NumberField({ nullable: true, description: 'Days one unit lasts them (a food parcel: 30)' }) daysPerUnit: number | null;
  @IntField({ minimum: 0, description: 'The overview flags a stock level of this item with fewer days of cover than this' }) coverAlertDays: number;
}

export class StockPointResponseDto implements StockPointResponse {
  @IdField() id: string;
  @TextField({ example: 'Sarmada warehouse' }) name: string;
  @EnumField(STOCK_POINT_KINDS) kind: StockPointKind;
  @IdField() locationId: string;
  @TextField() locationName: string;
  @IdField({ nullable: true, description: 'The camp a camp store belongs to' }) campId: string | null;
  @IntField({ description: 'Send it back (body version or If-Match) to rename the stock point. Also the ETag' }) version: number;
}

export class StockLevelResponseDto implements StockLevelResponse {
  @IdField() stockPointId: string;
  @IdField() itemId: string;
  @TextField() itemCode: string;
  @TextField() itemName: string;
  @TextField() unit: string;
  @IntField({ minimum: 0 }) quantity: number;
}

export class MovementResponseDto implements MovementResponse {
  @IdField() id: string;
  @IdField() stockPointId: string;
  @IdField() itemId: string;
  @EnumField(MOVEMENT_KINDS) kind: MovementKind;
  @IntField({ description: 'Signed change of the level' }) quantity: number;
  @IntField({ minimum: 0, description: 'The level right after this movement' }) balance: number;
  @TextField({ nullable: true, description: 'Waybill or delivery note' }) reference: string | null;
  @EnumField(LOSS_CAUSES, { nullable: true }) lossCause: LossCause | null;
  @TextField({ nullable: true }) reason: string | null;
  @IdField({ nullable: true, description: 'For a reversal: the movement it undoes' }) reversesId: string | null;
  @IdField({ nullable: true, description: "The distribution this movement drew stock for; null for a CSV import's movement (see importId)" }) distributionId: string | null;
  @IdField({ nullable: true, description: 'For a loss: the incident that caused it' }) incidentId: string | null;
  @IdField({ nullable: true, description: 'A CSV import draws once per stock level for all its rows: the distributions with this importId' }) importId: string | null;
  @TextField({ nullable: true, description: 'For a receipt: who funded it' }) donor: string | null;
  @TextField({ nullable: true, description: "For a receipt: the donor's pipeline or grant reference" }) pipelineReference: string | null;
  @IdField({ description: 'The user who recorded it' }) recordedBy: string;
  @InstantField({ description: "When the goods moved: a loss's stated time, a distribution's, a convoy status change's; otherwise when it was recorded" }) occurredAt: string;
  @InstantField({ description: 'When it was written into the ledger' }) recordedAt: string;
  @FlagField({ description: 'Whether POST /stock/movements/{id}/reverse would undo it: not a distribution, a reversal, a convoy leg, or one already reversed' }) reversible: boolean;
}

export { QUANTITY_MAX };
