import { Body, Controller, Get, Headers, HttpCode, Post, Query, Req, Res } from '@nestjs/common';
import { Readable } from 'node:stream';
import { ApiConflictResponse, ApiConsumes, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import type { DistributionResponse, Page } from '@relief-ledger/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { RouteConfig } from '@nestjs/platform-fastify';
import { CSV_BODY } from '../common/validation/json-body-parser.js';
import { AppException } from '../common/problem/app-exception.js';
import { DistributionImportService, IMPORT_COLUMNS } from './distribution-import.service.js';
import type { Actor } from '../common/actor.js';
import { CurrentActor, Requires } from '../auth/auth.decorators.js';
import { DistributionsService } from './distributions.service.js';
import { CreateDistributionDto, DistributionListQueryDto } from './dto/distribution.dto.js';

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
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Instead of body clientId' })
  @ApiCreatedResponse({ description: 'Recorded, or the first answer again for a re-send of the same distribution' })
  @ApiConflictResponse({ description: 'Not enough stock; says how much is available' })
  @ApiUnprocessableEntityResponse({ description: 'The client id was used for a different distribution' })
  async record(
    @CurrentActor() actor: Actor,
    @Body() dto: CreateDistributionDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<DistributionResponse> {
    const { created, distribution } = await this.distributions.record(actor, dto, idempotencyKey);
    if (!created) void reply.header('idempotent-replayed', 'true');
    return distribution;
  }

  @Post('import')
  @RouteConfig(CSV_BODY)
  @Requires('distributions.write')
  @HttpCode(201)
  @ApiConsumes('text/csv')
  @ApiCreatedResponse({ description: `All rows recorded (and rows already recorded skipped). Columns: ${IMPORT_COLUMNS.join(', ')}` })
  @ApiUnprocessableEntityResponse({ description: 'Nothing imported; every bad row listed with its row number, column and reason' })
  async import(@CurrentActor() actor: Actor, @Req() request: FastifyRequest): Promise<{ imported: number; skipped: number }> {
    if (!(request.body instanceof Readable)) {
      throw new AppException(415, 'distribution.import_csv_only', 'CSV expected');
    }
    return this.importer.import(actor, request.body);
  }

  @Get()
  @Requires('distributions.read')
  @ApiOkResponse({ description: 'Distributions of my organisation, newest first, filtered by camp, item and dates' })
  list(@CurrentActor() actor: Actor, @Query() query: DistributionListQueryDto): Promise<Page<DistributionResponse>> {
    return this.distributions.list(actor, query);
  }

  @Get('totals')
  @Requires('distributions.read')
  @ApiOkResponse({ description: 'Totals by camp and item' })
  totals(@CurrentActor() actor: Actor, @Query() query: DistributionListQueryDto) {
    return this.distributions.totals(actor, query);
  }
}
