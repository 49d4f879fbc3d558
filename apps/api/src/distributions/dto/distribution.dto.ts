import { STOCK_LIMITS } from '@relief-ledger/domain';
import type { CreateDistributionRequest, DistributionResponse, DistributionTotal } from '@relief-ledger/domain';
import { IdField, InstantField, IntField, TextField } from '../../common/openapi/response-fields.js';
import { Count, DayOrInstant, Instant, Text, Uuid } from '../../common/validation/decorators.js';
import { PageQueryDto } from '../../common/validation/pagination.js';
import { QUANTITY_MAX } from '../../stock/dto/stock.dto.js';

const PEOPLE_MAX = STOCK_LIMITS.peopleMax;

export class CreateDistributionDto implements CreateDistributionRequest {
  @Uuid({ optional: true, description: 'Made up by the client; or send an Idempotency-Key header' }) clientId?: string;
  @Uuid({ optional: true, description: 'The camp; or give locationId for a distribution outside camps' }) campId?: string;
  @Uuid({ optional: true }) locationId?: string;
  @Uuid() itemId: string;
  @Uuid({ description: 'The stock point the items are drawn from' }) stockPointId: string;
  @Count(QUANTITY_MAX) quantity: number;
  @Count(PEOPLE_MAX) households: number;
  @Count(PEOPLE_MAX) people: number;

  @Instant({ optional: true, kind: 'past', description: 'When it was handed out, with offset; defaults to now' }) distributedAt?: string;

  @Text(STOCK_LIMITS.notesMaxLength, { optional: true }) notes?: string;
}

export class DistributionListQueryDto extends PageQueryDto {
  @Uuid({ optional: true }) campId?: string;
  @Uuid({ optional: true }) itemId?: string;

  @DayOrInstant({ optional: true }) from?: string;
  @DayOrInstant({ optional: true }) to?: string;
}

export class DistributionResponseDto implements DistributionResponse {
  @IdField() id: string;
  @TextField({ description: 'The client id or Idempotency-Key it was recorded with' }) clientId: string;
  @IdField({ nullable: true, description: 'null for a distribution outside camps' }) campId: string | null;
  @IdField() locationId: string;
  @IdField() itemId: string;
  @IdField() stockPointId: string;
  @IntField({ minimum: 1 }) quantity: number;
  @IntField({ minimum: 0 }) households: number;
  @IntField({ minimum: 0 }) people: number;
  @InstantField() distributedAt: string;
  @TextField({ nullable: true }) notes: string | null;
  @IntField({ minimum: 0, description: 'What the stock point held of the item right after this distribution' }) stockLeft: number;
  @IdField({ description: 'The user who recorded it' }) recordedBy: string;
  @InstantField() createdAt: string;
}

export class DistributionTotalResponseDto implements DistributionTotal {
  @IdField({ nullable: true, description: 'null: distributions outside camps' }) campId: string | null;
  @TextField({ nullable: true }) campName: string | null;
  @IdField() itemId: string;
  @TextField() itemCode: string;
  @IntField({ minimum: 0 }) quantity: number;
  @IntField({ minimum: 0 }) households: number;
  @IntField({ minimum: 0 }) people: number;
  @IntField({ minimum: 0, description: 'How many distributions are summed' }) distributions: number;
}

/** The import's answer has no contract type in libs/domain yet: this class is its only description. */
export class DistributionImportResponseDto {
  @IntField({ minimum: 0, description: 'Rows recorded' }) imported: number;
  @IntField({ minimum: 0, description: 'Rows already recorded with the same content (an upload sent twice), skipped' }) skipped: number;
}

export interface DistributionRow {
  id: string;
  client_key: string;
  camp_id: string | null;
  location_id: string;
  item_id: string;
  stock_point_id: string;
  quantity: number;
  households: number;
  people: number;
  distributed_at: Date;
  notes: string | null;
  stock_left: string;
  recorded_by: string;
  created_at: Date;
  request_hash?: string;
}

export function toDistributionResponse(r: DistributionRow): DistributionResponse {
  return {
    id: r.id,
    clientId: r.client_key,
    campId: r.camp_id,
    locationId: r.location_id,
    itemId: r.item_id,
    stockPointId: r.stock_point_id,
    quantity: r.quantity,
    households: r.households,
    people: r.people,
    distributedAt: r.distributed_at.toISOString(),
    notes: r.notes,
    stockLeft: Number(r.stock_left),
    recordedBy: r.recorded_by,
    createdAt: r.created_at.toISOString(),
  };
}
