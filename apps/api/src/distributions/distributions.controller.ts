import { markReplayed } from '../common/replay/replays.js';
import { Body, Controller, Get, Headers, HttpCode, Post, Query, Req, Res } from '@nestjs/common';
import { Readable } from 'node:stream';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { DistributionResponse, Page } from '@relief-ledger/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { RouteConfig } from '@nestjs/platform-fastify';
import { CSV_BODY } from '../common/validation/json-body-parser.js';
import { AppException } from '../common/problem/app-exception.js';
import { PageOf } from '../common/openapi/page.schema.js';
import { ProblemResponses, Replayable } from '../common/openapi/problem-responses.js';
import { REPLAYED_HEADER } from '../common/openapi/response-headers.js';
import { DistributionImportService, IMPORT_COLUMNS, type ImportAnswer } from './distribution-import.service.js';
import type { Actor } from '../common/actor.js';
import { CurrentActor, Requires } from '../auth/auth.decorators.js';
import { DistributionsService } from './distributions.service.js';
import {
  CreateDistributionDto,
  DistributionImportResponseDto,
  DistributionListQueryDto,
  DistributionResponseDto,
  DistributionTotalResponseDto,
} from './dto/distribution.dto.js';

@ApiTags('distributions')
@Controller('v1/distributions')
export class DistributionsController {
  constructor(
    private readonly distributions: DistributionsService,
    private readonly importer: DistributionImportService,
  ) {}

  @Post()
  @Requires('distributions.write')
  @HttpCode(201)
  @ApiOperation({ summary: 'Record a distribution', description: 'Draws the quantity from the stock point. A re-send with the same client id records it once and answers the first result again.' })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Instead of body clientId (at most 200 characters)' })
  @ApiCreatedResponse({
    type: DistributionResponseDto,
    description: 'Recorded, or the first answer again for a re-send of the same distribution',
    headers: REPLAYED_HEADER,
  })
  @ProblemResponses({
    400: ['validation_failed', 'idempotency.key_required', 'distribution.place_required'],
    409: ['stock.insufficient'],
    422: ['idempotency.key_reused', 'distribution.unknown_reference'],
  })
  async record(
    @CurrentActor() actor: Actor,
    @Body() dto: CreateDistributionDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<DistributionResponse> {
    const { created, distribution } = await this.distributions.record(actor, dto, idempotencyKey);
    markReplayed(reply, !created);
    return distribution;
  }

  @Post('import')
  @RouteConfig(CSV_BODY)
  @Requires('distributions.write')
  @HttpCode(201)
  @ApiOperation({
    summary: 'Import distributions from CSV',
    description: `A header row and one distribution per row, all recorded in one transaction or none. Columns: ${IMPORT_COLUMNS.join(', ')}. Rows whose client_id is already recorded with the same content are skipped, so the same file sent twice records it once.`,
  })
  @ApiConsumes('text/csv')
  @ApiBody({ schema: { type: 'string', description: `CSV with a header row: ${IMPORT_COLUMNS.join(',')}` } })
  @ApiCreatedResponse({ type: DistributionImportResponseDto, description: `All rows recorded (and rows already recorded skipped). Columns: ${IMPORT_COLUMNS.join(', ')}` })
  @ProblemResponses({
    409: ['stock.insufficient'],
    413: ['distribution.import_too_large'],
    415: ['distribution.import_csv_only'],
    422: ['distribution.import_invalid'],
  })
  @Replayable()
  async import(
    @CurrentActor() actor: Actor,
    @Req() request: FastifyRequest,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ImportAnswer> {
    if (!(request.body instanceof Readable)) {
      throw new AppException(415, 'distribution.import_csv_only', 'CSV expected');
    }
    const { replayed, answer } = await this.importer.import(actor, request.body, idempotencyKey);
    markReplayed(reply, replayed);
    return answer;
  }

  @Get()
  @Requires('distributions.read')
  @ApiOperation({ summary: 'List distributions' })
  @ApiOkResponse({ type: PageOf(DistributionResponseDto), description: 'Distributions of my organisation, newest first, filtered by camp, item and dates' })
  @ProblemResponses({ 400: ['validation_failed'] })
  list(@CurrentActor() actor: Actor, @Query() query: DistributionListQueryDto): Promise<Page<DistributionResponse>> {
    return this.distributions.list(actor, query);
  }

  @Get('totals')
  @Requires('distributions.read')
  @ApiOperation({ summary: 'Total distributions by camp and item' })
  @ApiOkResponse({ type: [DistributionTotalResponseDto], description: 'Totals by camp and item (page and pageSize are not used)' })
  @ProblemResponses({ 400: ['validation_failed'] })
  totals(@CurrentActor() actor: Actor, @Query() query: DistributionListQueryDto) {
    return this.distributions.totals(actor, query);
  }
}
