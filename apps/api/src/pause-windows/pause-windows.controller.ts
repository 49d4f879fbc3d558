import type { FastifyReply } from 'fastify';
import { Body, Controller, Get, Headers, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Page, PauseWindowResponse } from '@relief-ledger/domain';
import type { Actor } from '../common/actor.js';
import { markReplayed } from '../common/replay/replays.js';
import { CurrentActor, Requires } from '../auth/auth.decorators.js';
import { PageOf } from '../common/openapi/page.schema.js';
import { ProblemResponses, Replayable } from '../common/openapi/problem-responses.js';
import { REPLAYED_HEADER } from '../common/openapi/response-headers.js';
import { IdParam } from '../common/validation/id-param.js';
import { CreatePauseWindowDto, PauseWindowListQueryDto, PauseWindowResponseDto } from './dto/pause-window.dto.js';
import { PauseWindowsService } from './pause-windows.service.js';

@ApiTags('pause windows')
@Controller('v1/pause-windows')
export class PauseWindowsController {
  constructor(private readonly windows: PauseWindowsService) {}

  @Get()
  @Requires('windows.read')
  @ApiOperation({ summary: 'List pause windows' })
  @ApiOkResponse({ type: PageOf(PauseWindowResponseDto), description: 'Every pause window (shared by all organisations): in force first, then upcoming, then the rest' })
  @ProblemResponses({ 400: ['validation_failed'] })
  list(@Query() query: PauseWindowListQueryDto): Promise<Page<PauseWindowResponse>> {
    return this.windows.list(query);
  }

  @Get(':id')
  @Requires('windows.read')
  @ApiOperation({ summary: 'Get a pause window' })
  @ApiOkResponse({ type: PauseWindowResponseDto, description: 'One pause window' })
  @ProblemResponses({ 400: ['validation_failed'], 404: ['pause_window.not_found'] })
  get(@IdParam() id: string): Promise<PauseWindowResponse> {
    return this.windows.get(id);
  }

  @Post()
  @Requires('windows.write')
  @ApiOperation({ summary: 'Enter an announced pause window', description: 'Times as announced, on the wall clock of its zone; "until 18:00" may leave out the end date.' })
  @Replayable()
  @ApiCreatedResponse({
    type: PauseWindowResponseDto,
    description: 'The window, with its times as instants and as read in its zone (or the first answer again for a re-send)',
    headers: REPLAYED_HEADER,
  })
  @ProblemResponses({
    400: ['validation_failed'],
    422: ['pause_window.time', 'validation_failed', 'route.unknown', 'route.unknown_location'],
  })
  async create(
    @CurrentActor() actor: Actor,
    @Body() dto: CreatePauseWindowDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PauseWindowResponse> {
    const { replayed, answer } = await this.windows.create(actor, dto, idempotencyKey);
    markReplayed(reply, replayed);
    return answer;
  }
}
