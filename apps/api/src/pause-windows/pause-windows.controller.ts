import type { FastifyReply } from 'fastify';
import { Body, Controller, Get, Headers, HttpCode, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Page, PauseWindowDetailResponse, PauseWindowResponse } from '@relief-ledger/domain';
import type { Actor } from '../common/actor.js';
import { markReplayed } from '../common/replay/replays.js';
import { CurrentActor, Requires } from '../auth/auth.decorators.js';
import { PageOf } from '../common/openapi/page.schema.js';
import { ProblemResponses, Replayable } from '../common/openapi/problem-responses.js';
import { ETAG_HEADER, REPLAYED_HEADER } from '../common/openapi/response-headers.js';
import { IdParam } from '../common/validation/id-param.js';
import { requireVersion, withEtag } from '../common/validation/version.js';
import {
  CorrectPauseWindowDto,
  CreatePauseWindowDto,
  EndPauseWindowDto,
  PauseWindowDetailResponseDto,
  PauseWindowListQueryDto,
  PauseWindowResponseDto,
} from './dto/pause-window.dto.js';
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
  @ApiOkResponse({ type: PauseWindowDetailResponseDto, description: 'One pause window with its history (entered, ended early, corrected); its ETag carries the version', headers: ETAG_HEADER })
  @ProblemResponses({ 400: ['validation_failed'], 404: ['pause_window.not_found'] })
  async get(@IdParam() id: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<PauseWindowDetailResponse> {
    return withEtag(reply, await this.windows.get(id));
  }

  @Post(':id/end')
  @Requires('windows.write')
  @HttpCode(200)
  @ApiOperation({
    summary: 'End a pause window early',
    description: 'News that it ended before its announced end: when (default now) and the source. The coverage of convoys on its routes follows. Send the version you read (body version or If-Match).',
  })
  @ApiHeader({ name: 'If-Match', required: false, description: 'The ETag you read; overrides body.version' })
  @Replayable()
  @ApiOkResponse({ type: PauseWindowDetailResponseDto, description: 'The window as ended, with its history (or the first answer again for a re-send)', headers: { ...ETAG_HEADER, ...REPLAYED_HEADER } })
  @ProblemResponses({
    400: ['validation_failed'],
    404: ['pause_window.not_found'],
    409: ['pause_window.stale_version'],
    422: ['pause_window.early_end'],
    428: ['version.required'],
  })
  async end(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @Body() dto: EndPauseWindowDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PauseWindowDetailResponse> {
    const { replayed, answer } = await this.windows.end(actor, id, requireVersion(ifMatch, dto.version), dto, idempotencyKey);
    markReplayed(reply, replayed);
    return withEtag(reply, answer);
  }

  @Post(':id/corrections')
  @Requires('windows.write')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Correct a pause window entered wrongly',
    description: 'The same fields as entering it (times as announced, on the wall clock of its zone) and the reason; what changed is kept in its history. Send the version you read (body version or If-Match).',
  })
  @ApiHeader({ name: 'If-Match', required: false, description: 'The ETag you read; overrides body.version' })
  @Replayable()
  @ApiOkResponse({ type: PauseWindowDetailResponseDto, description: 'The window as corrected, with its history (or the first answer again for a re-send)', headers: { ...ETAG_HEADER, ...REPLAYED_HEADER } })
  @ProblemResponses({
    400: ['validation_failed'],
    404: ['pause_window.not_found'],
    409: ['pause_window.stale_version'],
    422: ['pause_window.time', 'pause_window.nothing_to_correct', 'validation_failed', 'route.unknown', 'route.unknown_location'],
    428: ['version.required'],
  })
  async correct(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @Body() dto: CorrectPauseWindowDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PauseWindowDetailResponse> {
    const { replayed, answer } = await this.windows.correct(actor, id, requireVersion(ifMatch, dto.version), dto, idempotencyKey);
    markReplayed(reply, replayed);
    return withEtag(reply, answer);
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
