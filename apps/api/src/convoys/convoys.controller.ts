import { Body, Controller, Get, Headers, HttpCode, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ConvoyDetailResponse, ConvoyEventResponse, ConvoyResponse, ConvoyStatusResponse, Page } from '@relief-ledger/domain';
import type { FastifyReply } from 'fastify';
import type { Actor } from '../common/actor.js';
import { CurrentActor, Requires } from '../auth/auth.decorators.js';
import { PageOf } from '../common/openapi/page.schema.js';
import { ProblemResponses, Replayable } from '../common/openapi/problem-responses.js';
import { markReplayed } from '../common/replay/replays.js';
import { ETAG_HEADER, REPLAYED_HEADER } from '../common/openapi/response-headers.js';
import { IdParam } from '../common/validation/id-param.js';
import { requireVersion, withEtag } from '../common/validation/version.js';
import {
  CheckInDto,
  ConvoyDetailResponseDto,
  ConvoyEventResponseDto,
  ConvoyListQueryDto,
  ConvoyResponseDto,
  ConvoyStatusDto,
  ConvoyStatusQueryDto,
  ConvoyStatusResponseDto,
  CreateConvoyDto,
} from './dto/convoy.dto.js';
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
  @ApiOperation({ summary: 'List convoys' })
  @ApiOkResponse({ type: PageOf(ConvoyResponseDto), description: "My organisation's convoys: on the road first, then planned, then finished; with coverage and check-ins due" })
  @ProblemResponses({ 400: ['validation_failed'] })
  list(@CurrentActor() actor: Actor, @Query() query: ConvoyListQueryDto): Promise<Page<ConvoyResponse>> {
    return this.board.list(actor, query);
  }

  @Get('statuses')
  @Requires('convoys.read')
  @ApiOperation({ summary: "List every organisation's convoy statuses" })
  @ApiOkResponse({ type: [ConvoyStatusResponseDto], description: "Every organisation's active and recent (or, with ended=all, every ended) convoys: status only, never route or times" })
  @ProblemResponses({ 400: ['validation_failed'] })
  statuses(@Query() query: ConvoyStatusQueryDto): Promise<ConvoyStatusResponse[]> {
    return this.board.statuses(query);
  }

  @Get(':id')
  @Requires('convoys.read')
  @ApiOperation({ summary: 'Get a convoy' })
  @ApiOkResponse({ type: ConvoyDetailResponseDto, description: 'The convoy with its timeline, cargo, windows on its route and, before departure, go/no-go', headers: ETAG_HEADER })
  @ProblemResponses({ 400: ['validation_failed'], 404: ['convoy.not_found'] })
  async get(@CurrentActor() actor: Actor, @IdParam() id: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<ConvoyDetailResponse> {
    return withEtag(reply, await this.board.get(actor, id));
  }

  @Post()
  @Requires('convoys.write')
  @ApiOperation({ summary: 'Plan a convoy', description: 'On a route, with its vehicles and cargo; the cargo is drawn from stock on departure.' })
  @ApiCreatedResponse({ type: ConvoyDetailResponseDto, description: 'The planned convoy (as it is now, for a re-send with the same key)', headers: REPLAYED_HEADER })
  @ProblemResponses({ 400: ['validation_failed'], 422: ['convoy.invalid', 'convoy.unknown_reference'] })
  @Replayable()
  async create(
    @CurrentActor() actor: Actor,
    @Body() dto: CreateConvoyDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ConvoyDetailResponse> {
    const { replayed, convoy } = await this.commands.create(actor, dto, idempotencyKey);
    markReplayed(reply, replayed);
    return convoy;
  }

  @Post(':id/status')
  @Requires('convoys.report')
  @HttpCode(200)
  @ApiHeader({ name: 'If-Match', required: false, description: 'The ETag last read, instead of body version' })
  @ApiOperation({
    summary: 'Change the status of a convoy',
    description: 'Departed, arrived, aborted or struck, as the transition table allows, with its cargo: drawn into transit on departure, received at the destination on arrival, back to its source if aborted, written off against the incident if struck.',
  })
  @ApiOkResponse({ type: ConvoyDetailResponseDto, description: 'The convoy after the change, with its cargo moved', headers: { ...ETAG_HEADER, ...REPLAYED_HEADER } })
  @ProblemResponses({
    400: ['validation_failed'],
    404: ['convoy.not_found'],
    409: ['convoy.stale_version', 'convoy.illegal_transition', 'stock.insufficient'],
    422: ['convoy.invalid', 'convoy.unknown_reference', 'incident.unknown_reference'],
    428: ['version.required'],
  })
  @Replayable()
  async changeStatus(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @Body() dto: ConvoyStatusDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ConvoyDetailResponse> {
    const { replayed, convoy } = await this.commands.changeStatus(actor, id, dto, requireVersion(ifMatch, dto.version), new Date(), idempotencyKey);
    markReplayed(reply, replayed);
    return withEtag(reply, convoy);
  }

  @Post(':id/check-ins')
  @Requires('convoys.report')
  @HttpCode(201)
  @ApiOperation({ summary: 'Check in a convoy on the road', description: '"Passed Ariha, 14:10." A re-send with the same clientId records it once.' })
  @ApiCreatedResponse({ type: ConvoyEventResponseDto, description: 'The check-in (or the first one again for a re-send with the same client id)', headers: REPLAYED_HEADER })
  @ProblemResponses({
    400: ['validation_failed'],
    404: ['convoy.not_found'],
    409: ['convoy.not_on_the_road'],
    422: ['convoy.invalid', 'convoy.unknown_reference'],
  })
  @Replayable()
  async checkIn(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @Body() dto: CheckInDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ConvoyEventResponse> {
    const { created, event } = await this.commands.checkIn(actor, id, dto, new Date(), idempotencyKey);
    markReplayed(reply, !created);
    return event;
  }
}
