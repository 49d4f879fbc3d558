import { DONOR_LIMITS, LOSS_CAUSES, STOCK_POINT_KINDS } from '@relief-ledger/domain';
import type {
  AdjustmentRequest,
  CreateStockPointRequest,
  LossCause,
  LossRequest,
  ReceiptRequest,
  ReversalRequest,
  StockPointKind,
  TransferRequest,
} from '@relief-ledger/domain';
import { Count, OneOf, Text, Uuid } from '../../common/validation/decorators.js';
import { PageQueryDto } from '../../common/validation/pagination.js';

/** More than any stock point holds (a warehouse of 20,000 parcels); keeps arithmetic exact. */
const QUANTITY_MAX = 1_000_000_000;

export class CreateStockPointDto implements CreateStockPointRequest {
  @Text(200) name: string;
  @OneOf(STOCK_POINT_KINDS) kind: StockPointKind;
  @Uuid() locationId: string;
  @Uuid({ optional: true, description: 'Required for a camp store' }) campId?: string;
}

export class ReceiptDto implements ReceiptRequest {
  @Uuid() stockPointId: string;
  @Uuid() itemId: string;
  @Count(QUANTITY_MAX) quantity: number;
  @Text(200, { description: 'Waybill or delivery note reference' }) reference: string;
  @Text(DONOR_LIMITS.donorMaxLength, { optional: true, description: 'Funding organisation (GET /stock/donors suggests those used before)' }) donor?: string;
  @Text(DONOR_LIMITS.pipelineReferenceMaxLength, { optional: true, description: "The donor's pipeline or grant reference" }) pipelineReference?: string;
}

export class DonorQueryDto {
  @Text(200, { optional: true, description: 'Beginning of the name' }) q?: string;
}

export class TransferDto implements TransferRequest {
  @Uuid() fromStockPointId: string;
  @Uuid() toStockPointId: string;
  @Uuid() itemId: string;
  @Count(QUANTITY_MAX) quantity: number;
  @Text(200, { optional: true }) reference?: string;
}

export class LossDto implements LossRequest {
  @Uuid() stockPointId: string;
  @Uuid() itemId: string;
  @Count(QUANTITY_MAX) quantity: number;
  @OneOf(LOSS_CAUSES) cause: LossCause;
  @Text(500, { optional: true }) reason?: string;
  @Uuid({ optional: true, description: 'The incident that caused the loss' }) incidentId?: string;
}

export class AdjustmentDto implements AdjustmentRequest {
  @Uuid() stockPointId: string;
  @Uuid() itemId: string;
  @Count(QUANTITY_MAX, { description: 'What the count found' }) countedQuantity: number;
  @Text(500) reason: string;
}

export class ReversalDto implements ReversalRequest {
  @Text(500) reason: string;
}

export class LedgerQueryDto extends PageQueryDto {
  @Uuid() itemId: string;
}

export { QUANTITY_MAX };
