import { Body, Controller, Get, Headers, HttpCode, Post, Query, Res } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { ConvoyDetailResponse, ConvoyEventResponse, ConvoyResponse, ConvoyStatusResponse, Page } from '@relief-ledger/domain';
import type { FastifyReply } from 'fastify';
import type { Actor } from '../common/actor.js';
import { CurrentActor, Requires } from '../auth/auth.decorators.js';
import { IdParam } from '../common/validation/id-param.js';
import { requireVersion, withEtag } from '../common/validation/version.js';
import { CheckInDto, ConvoyListQueryDto, ConvoyStatusDto, CreateConvoyDto } from './dto/convoy.dto.js';
import { ConvoyBoardService } from './convoy-board.service.js';
import { ConvoyCommandsService } from './convoy-commands.service.js';

@ApiTags('convoys')
@Controller('v1/convoys')
export class ConvoysController {
  constructor(
    private readonly board: ConvoyBoardService,
    private readonly commands: ConvoyCommandsService,
  ) {}

  @Get()
  @Requires('convoys.read')
  @ApiOkResponse({ description: "My organisation's convoys: on the road first, then planned, then finished; with coverage and check-ins due" })
  list(@CurrentActor() actor: Actor, @Query() query: ConvoyListQueryDto): Promise<Page<ConvoyResponse>> {
    return this.board.list(actor, query);
  }

  @Get('statuses')
  @Requires('convoys.read')
  @ApiOkResponse({ description: "Every organisation's active and recent convoys: status only, never route or times" })
  statuses(): Promise<ConvoyStatusResponse[]> {
    return this.board.statuses();
  }

  @Get(':id')
  @Requires('convoys.read')
  @ApiOkResponse({ description: 'The convoy with its timeline, cargo, windows on its route and, before departure, go/no-go' })
  async get(@CurrentActor() actor: Actor, @IdParam() id: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<ConvoyDetailResponse> {
    return withEtag(reply, await this.board.get(actor, id));
  }

  @Post()
  @Requires('convoys.write')
  @ApiCreatedResponse({ description: 'The planned convoy' })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateConvoyDto): Promise<ConvoyDetailResponse> {
    return this.commands.create(actor, dto);
  }

  @Post(':id/status')
  @Requires('convoys.report')
  @HttpCode(200)
  @ApiHeader({ name: 'If-Match', required: false, description: 'The ETag last read, instead of body version' })
  @ApiOkResponse({ description: 'The convoy after the change, with its cargo moved' })
  @ApiConflictResponse({ description: 'Not allowed from its status (says why), changed meanwhile, or not enough stock for the cargo' })
  async changeStatus(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @Body() dto: ConvoyStatusDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ConvoyDetailResponse> {
    const { replayed, convoy } = await this.commands.changeStatus(actor, id, dto, requireVersion(ifMatch, dto.version));
    if (replayed) void reply.header('idempotent-replayed', 'true');
    return withEtag(reply, convoy);
  }

  @Post(':id/check-ins')
  @Requires('convoys.report')
  @HttpCode(201)
  @ApiCreatedResponse({ description: 'The check-in (or the first one again for a re-send with the same client id)' })
  @ApiConflictResponse({ description: 'The convoy is not on the road' })
  async checkIn(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() dto: CheckInDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<ConvoyEventResponse> {
    const { created, event } = await this.commands.checkIn(actor, id, dto);
    if (!created) void reply.header('idempotent-replayed', 'true');
    return event;
  }
}
