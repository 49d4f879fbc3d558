import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { ItemResponse, MovementResponse, Page, StockLevelResponse, StockPointResponse } from '@relief-ledger/domain';
import type { Actor } from '../common/actor.js';
import { CurrentActor, Requires } from '../auth/auth.decorators.js';
import { IdParam } from '../common/validation/id-param.js';
import { AdjustmentDto, CreateStockPointDto, LedgerQueryDto, LossDto, ReceiptDto, ReversalDto, TransferDto, DonorQueryDto } from './dto/stock.dto.js';
import { StockService } from './stock.service.js';

@ApiTags('stock')
@Controller('v1')
export class StockController {
  constructor(private readonly stock: StockService) {}

  @Get('items')
  @Requires('stock.read')
  @ApiOkResponse({ description: 'The relief item catalogue, shared by every organisation' })
  items(): Promise<ItemResponse[]> {
    return this.stock.listItems();
  }

  @Get('stock-points')
  @Requires('stock.read')
  @ApiOkResponse({ description: "My organisation's warehouses and camp stores" })
  stockPoints(@CurrentActor() actor: Actor): Promise<StockPointResponse[]> {
    return this.stock.listStockPoints(actor);
  }

  @Post('stock-points')
  @Requires('stock.write')
  @ApiCreatedResponse({ description: 'The new stock point' })
  createStockPoint(@CurrentActor() actor: Actor, @Body() dto: CreateStockPointDto): Promise<StockPointResponse> {
    return this.stock.createStockPoint(actor, dto);
  }

  @Get('stock-points/:id/levels')
  @Requires('stock.read')
  @ApiOkResponse({ description: 'What the stock point holds, per item' })
  levels(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<StockLevelResponse[]> {
    return this.stock.levels(actor, id);
  }

  @Get('stock-points/:id/ledger')
  @Requires('stock.read')
  @ApiOkResponse({ description: "One item's movements at the stock point, newest first, with the running balance" })
  ledger(@CurrentActor() actor: Actor, @IdParam() id: string, @Query() query: LedgerQueryDto): Promise<Page<MovementResponse>> {
    return this.stock.ledger(actor, id, query);
  }

  @Get('stock/donors')
  @Requires('stock.read')
  @ApiOkResponse({ description: 'Donors of earlier receipts, most used first (at most 20): suggestions for the receipt form', type: [String] })
  donors(@CurrentActor() actor: Actor, @Query() query: DonorQueryDto): Promise<string[]> {
    return this.stock.donors(actor, query.q);
  }

  @Post('stock/receipts')
  @Requires('stock.write')
  @ApiCreatedResponse({ description: 'Received: the movement, with the new balance' })
  receive(@CurrentActor() actor: Actor, @Body() dto: ReceiptDto): Promise<MovementResponse> {
    return this.stock.receive(actor, dto);
  }

  @Post('stock/transfers')
  @Requires('stock.write')
  @ApiCreatedResponse({ description: 'Both legs of the transfer, recorded together' })
  @ApiConflictResponse({ description: 'Not enough stock at the source; says how much is available' })
  transfer(@CurrentActor() actor: Actor, @Body() dto: TransferDto): Promise<MovementResponse[]> {
    return this.stock.transfer(actor, dto);
  }

  @Post('stock/losses')
  @Requires('stock.write')
  @ApiCreatedResponse({ description: 'Written off, with its cause' })
  loss(@CurrentActor() actor: Actor, @Body() dto: LossDto): Promise<MovementResponse> {
    return this.stock.loss(actor, dto);
  }

  @Post('stock/adjustments')
  @Requires('stock.write')
  @ApiCreatedResponse({ description: 'A stock count: the movement is the difference' })
  adjust(@CurrentActor() actor: Actor, @Body() dto: AdjustmentDto): Promise<MovementResponse> {
    return this.stock.adjust(actor, dto);
  }

  @Post('stock/movements/:id/reverse')
  @Requires('stock.write')
  @ApiCreatedResponse({ description: 'The reversing movement, pointing at the one it undoes' })
  reverse(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() dto: ReversalDto): Promise<MovementResponse> {
    return this.stock.reverse(actor, id, dto);
  }
}
