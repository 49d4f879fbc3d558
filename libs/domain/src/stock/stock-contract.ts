import type { ItemKind, LossCause, MovementKind, StockPointKind } from './stock';

export interface ItemResponse {
  id: string;
  code: string;
  nameEn: string;
  nameAr: string;
  unit: string;
  kind: ItemKind;
  personsPerUnit: number | null;
  daysPerUnit: number | null;
  /** The overview flags a stock level of this item with fewer days of cover than this. */
  coverAlertDays: number;
}

export interface StockPointResponse {
  id: string;
  name: string;
  kind: StockPointKind;
  locationId: string;
  locationName: string;
  campId: string | null;
  /** Send it back to rename the stock point (body version or If-Match); also the ETag. */
  version: number;
}

/** `PATCH /api/v1/stock-points/{id}`: a new name, at the version last read (or If-Match). */
export interface RenameStockPointRequest {
  name: string;
  version?: number;
}

export interface CreateStockPointRequest {
  /** Made up by the device when the person pressed the button: a re-send records it once (or send an Idempotency-Key header). */
  clientId?: string;
  name: string;
  kind: StockPointKind;
  locationId: string;
  campId?: string;
}

export interface StockLevelResponse {
  stockPointId: string;
  itemId: string;
  itemCode: string;
  itemName: string;
  unit: string;
  quantity: number;
}

export interface MovementResponse {
  id: string;
  stockPointId: string;
  itemId: string;
  kind: MovementKind;
  /** Signed change of the level. */
  quantity: number;
  /** The level right after this movement. */
  balance: number;
  reference: string | null;
  lossCause: LossCause | null;
  reason: string | null;
  reversesId: string | null;
  /** The distribution this movement drew stock for; null for a CSV import's movement (see importId). */
  distributionId: string | null;
  /** For a loss: the incident that caused it. */
  incidentId: string | null;
  /** A CSV import draws once per stock level for all its rows: the distributions with this importId. */
  importId: string | null;
  /** For a receipt: who funded it, and their pipeline reference. */
  donor: string | null;
  pipelineReference: string | null;
  recordedBy: string;
  /** When the goods moved: a loss's stated time, a distribution's, a convoy status change's; else when recorded. */
  occurredAt: string;
  /** When it was written into the ledger. */
  recordedAt: string;
  /** Whether it can be undone by a reversal: not a distribution, a reversal, a convoy leg, or one already reversed. */
  reversible: boolean;
}

export interface ReceiptRequest {
  /** Made up by the device when the person pressed the button: a re-send records it once (or send an Idempotency-Key header). */
  clientId?: string;
  stockPointId: string;
  itemId: string;
  quantity: number;
  /** Waybill or delivery note reference. */
  reference: string;
  /** The funding organisation whose pipeline brought it (free text; GET /stock/donors suggests those used before). */
  donor?: string;
  /** The donor's pipeline or grant reference. */
  pipelineReference?: string;
}

/** Limits of the donor fields, shared by the API's validation and the web form. */
export const DONOR_LIMITS = { donorMaxLength: 200, pipelineReferenceMaxLength: 100 } as const;

export interface TransferRequest {
  /** Made up by the device when the person pressed the button: a re-send records it once (or send an Idempotency-Key header). */
  clientId?: string;
  fromStockPointId: string;
  toStockPointId: string;
  itemId: string;
  quantity: number;
  reference?: string;
}

export interface LossRequest {
  /** Made up by the device when the person pressed the button: a re-send records it once (or send an Idempotency-Key header). */
  clientId?: string;
  stockPointId: string;
  itemId: string;
  quantity: number;
  cause: LossCause;
  reason?: string;
  /** The incident that caused the loss (shelling of the warehouse, a struck convoy). */
  incidentId?: string;
  /** When the goods were lost, if before now (found in the morning after a night's shelling); with offset. */
  occurredAt?: string;
}

export interface AdjustmentRequest {
  /** Made up by the device when the person pressed the button: a re-send records it once (or send an Idempotency-Key header). */
  clientId?: string;
  stockPointId: string;
  itemId: string;
  /** What the count found; the movement is the difference. */
  countedQuantity: number;
  reason: string;
}

export interface ReversalRequest {
  /** Made up by the device when the person pressed the button: a re-send records it once (or send an Idempotency-Key header). */
  clientId?: string;
  reason: string;
}

export interface CreateDistributionRequest {
  /** Made up by the client (a UUID), so that re-sending never records twice. Or send Idempotency-Key. */
  clientId?: string;
  campId?: string;
  locationId?: string;
  itemId: string;
  stockPointId: string;
  quantity: number;
  households: number;
  people: number;
  /** When it was handed out; defaults to now. */
  distributedAt?: string;
  notes?: string;
}

export interface DistributionResponse {
  id: string;
  clientId: string;
  campId: string | null;
  locationId: string;
  itemId: string;
  stockPointId: string;
  quantity: number;
  households: number;
  people: number;
  distributedAt: string;
  notes: string | null;
  /** What the stock point held of the item right after this distribution. */
  stockLeft: number;
  recordedBy: string;
  createdAt: string;
}
