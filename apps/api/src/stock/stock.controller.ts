import type { FastifyReply } from 'fastify';
import { Body, Controller, Get, Headers, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ItemResponse, MovementResponse, Page, StockLevelResponse, StockPointResponse } from '@relief-ledger/domain';
import type { Actor } from '../common/actor.js';
import { CurrentActor, Requires } from '../auth/auth.decorators.js';
import { PageOf } from '../common/openapi/page.schema.js';
import { markReplayed, type Replayed } from '../common/replay/replays.js';
import { ProblemResponses, Replayable, type ProblemAnswers } from '../common/openapi/problem-responses.js';
import { ETAG_HEADER } from '../common/openapi/response-headers.js';
import { IdParam } from '../common/validation/id-param.js';
import { requireVersion, withEtag } from '../common/validation/version.js';
import {
  AdjustmentDto,
  CreateStockPointDto,
  DonorQueryDto,
  ItemResponseDto,
  LedgerQueryDto,
  LossDto,
  MovementResponseDto,
  ReceiptDto,
  RenameStockPointDto,
  ReversalDto,
  StockLevelResponseDto,
  StockPointResponseDto,
  TransferDto,
} from './dto/stock.dto.js';

/** What every movement in the body can be refused for: a point of another organisation, an unknown item. */
const MOVEMENT_REFUSALS = { 400: ['validation_failed'], 422: ['stock.unknown_point', 'stock.unknown_item'] } as const satisfies ProblemAnswers;
import { StockService } from './stock.service.js';

@ApiTags('stock')
@Controller('v1')
export class StockController {
  constructor(private readonly stock: StockService) {}

  @Get('items')
  @Requires('stock.read')
  @ApiOperation({ summary: 'List relief items' })
  @ApiOkResponse({ type: [ItemResponseDto], description: 'The relief item catalogue, shared by every organisation' })
  items(): Promise<ItemResponse[]> {
    return this.stock.listItems();
  }

  @Get('stock-points')
  @Requires('stock.read')
  @ApiOperation({ summary: 'List stock points' })
  @ApiOkResponse({ type: [StockPointResponseDto], description: "My organisation's warehouses and camp stores" })
  stockPoints(@CurrentActor() actor: Actor): Promise<StockPointResponse[]> {
    return this.stock.listStockPoints(actor);
  }

  @Post('stock-points')
  @Requires('stock.write')
  @ApiOperation({ summary: 'Create a stock point', description: 'A warehouse, or a camp store (with its campId).' })
  @ApiCreatedResponse({ type: StockPointResponseDto, description: 'The new stock point' })
  @ProblemResponses({ 400: ['validation_failed'], 409: ['stock.duplicate_name'], 422: ['validation_failed', 'conflict.reference'] })
  @Replayable()
  async createStockPoint(@CurrentActor() actor: Actor, @Body() dto: CreateStockPointDto, @Headers('idempotency-key') key: string | undefined, @Res({ passthrough: true }) reply: FastifyReply): Promise<StockPointResponse> {
    return answered(reply, await this.stock.createStockPoint(actor, dto, key));
  }

  @Patch('stock-points/:id')
  @Requires('stock.write')
  @ApiOperation({ summary: 'Rename a stock point', description: 'A new name, with the version you read (body version or If-Match). Its kind, place and camp stay: they are what its ledger is about.' })
  @ApiHeader({ name: 'If-Match', required: false, description: 'The ETag you read; overrides body.version' })
  @ApiOkResponse({ type: StockPointResponseDto, description: 'The stock point as renamed', headers: ETAG_HEADER })
  @ProblemResponses({ 400: ['validation_failed'], 404: ['stock.point_not_found'], 409: ['stock.stale_version', 'stock.duplicate_name'], 428: ['version.required'] })
  async renameStockPoint(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @Body() dto: RenameStockPointDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StockPointResponse> {
    return withEtag(reply, await this.stock.renameStockPoint(actor, id, requireVersion(ifMatch, dto.version), dto));
  }

  @Get('stock-points/:id/levels')
  @Requires('stock.read')
  @ApiOperation({ summary: 'Get the stock levels of a stock point' })
  @ApiOkResponse({ type: [StockLevelResponseDto], description: 'What the stock point holds, per item' })
  @ProblemResponses({ 400: ['validation_failed'], 404: ['stock.point_not_found'] })
  levels(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<StockLevelResponse[]> {
    return this.stock.levels(actor, id);
  }

  @Get('stock-points/:id/ledger')
  @Requires('stock.read')
  @ApiOperation({ summary: "Read a stock point's ledger for one item" })
  @ApiOkResponse({ type: PageOf(MovementResponseDto), description: "One item's movements at the stock point, newest first, with the running balance" })
  @ProblemResponses({ 400: ['validation_failed'], 404: ['stock.point_not_found'] })
  ledger(@CurrentActor() actor: Actor, @IdParam() id: string, @Query() query: LedgerQueryDto): Promise<Page<MovementResponse>> {
    return this.stock.ledger(actor, id, query);
  }

  @Get('stock/donors')
  @Requires('stock.read')
  @ApiOperation({ summary: 'Suggest donors' })
  @ApiOkResponse({ description: 'Donors of earlier receipts, most used first (at most 20): suggestions for the receipt form', type: [String] })
  @ProblemResponses({ 400: ['validation_failed'] })
  donors(@CurrentActor() actor: Actor, @Query() query: DonorQueryDto): Promise<string[]> {
    return this.stock.donors(actor, query.q);
  }

  @Post('stock/receipts')
  @Requires('stock.write')
  @ApiOperation({ summary: 'Receive stock' })
  @ApiCreatedResponse({ type: MovementResponseDto, description: 'Received: the movement, with the new balance' })
  @ProblemResponses(MOVEMENT_REFUSALS)
  @Replayable()
  async receive(@CurrentActor() actor: Actor, @Body() dto: ReceiptDto, @Headers('idempotency-key') key: string | undefined, @Res({ passthrough: true }) reply: FastifyReply): Promise<MovementResponse> {
    return answered(reply, await this.stock.receive(actor, dto, key));
  }

  @Post('stock/transfers')
  @Requires('stock.write')
  @ApiOperation({ summary: 'Transfer stock between stock points' })
  @ApiCreatedResponse({ type: [MovementResponseDto], description: 'Both legs of the transfer, recorded together: out of the source, then into the destination' })
  @ProblemResponses({ ...MOVEMENT_REFUSALS, 409: ['stock.insufficient'], 422: [...MOVEMENT_REFUSALS[422], 'stock.same_point'] })
  @Replayable()
  async transfer(@CurrentActor() actor: Actor, @Body() dto: TransferDto, @Headers('idempotency-key') key: string | undefined, @Res({ passthrough: true }) reply: FastifyReply): Promise<MovementResponse[]> {
    return answered(reply, await this.stock.transfer(actor, dto, key));
  }

  @Post('stock/losses')
  @Requires('stock.write')
  @ApiOperation({ summary: 'Write off a loss' })
  @ApiCreatedResponse({ type: MovementResponseDto, description: 'Written off, with its cause' })
  @ProblemResponses({ ...MOVEMENT_REFUSALS, 409: ['stock.insufficient'], 422: [...MOVEMENT_REFUSALS[422], 'validation_failed'] })
  @Replayable()
  async loss(@CurrentActor() actor: Actor, @Body() dto: LossDto, @Headers('idempotency-key') key: string | undefined, @Res({ passthrough: true }) reply: FastifyReply): Promise<MovementResponse> {
    return answered(reply, await this.stock.loss(actor, dto, key));
  }

  @Post('stock/adjustments')
  @Requires('stock.write')
  @ApiOperation({ summary: 'Record a stock count' })
  @ApiCreatedResponse({ type: MovementResponseDto, description: 'A stock count: the movement is the difference' })
  @ProblemResponses({ ...MOVEMENT_REFUSALS, 422: [...MOVEMENT_REFUSALS[422], 'stock.count_matches'] })
  @Replayable()
  async adjust(@CurrentActor() actor: Actor, @Body() dto: AdjustmentDto, @Headers('idempotency-key') key: string | undefined, @Res({ passthrough: true }) reply: FastifyReply): Promise<MovementResponse> {
    return answered(reply, await this.stock.adjust(actor, dto, key));
  }

  @Post('stock/movements/:id/reverse')
  @Requires('stock.write')
  @ApiOperation({ summary: 'Reverse a movement', description: 'Undoes one movement with its opposite. Not a distribution, a reversal, a convoy leg, or one already reversed.' })
  @ApiCreatedResponse({ type: MovementResponseDto, description: 'The reversing movement, pointing at the one it undoes' })
  @ProblemResponses({ 400: ['validation_failed'], 404: ['stock.movement_not_found'], 409: ['stock.insufficient'], 422: ['stock.not_reversible'] })
  @Replayable()
  async reverse(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @Body() dto: ReversalDto,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<MovementResponse> {
    return answered(reply, await this.stock.reverse(actor, id, dto, key));
  }
}

/** The answer, marked when it is the first one sent again. */
function answered<T>(reply: FastifyReply, { replayed, answer }: Replayed<T>): T {
  markReplayed(reply, replayed);
  return answer;
}
