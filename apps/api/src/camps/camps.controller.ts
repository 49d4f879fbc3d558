import { Body, Controller, Get, Headers, HttpCode, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CampCoverageResponse, CampResponse, Page } from '@relief-ledger/domain';
import type { FastifyReply } from 'fastify';
import type { Actor } from '../common/actor.js';
import { CurrentActor, Requires } from '../auth/auth.decorators.js';
import { PageOf } from '../common/openapi/page.schema.js';
import { ProblemResponses, Replayable } from '../common/openapi/problem-responses.js';
import { ETAG_HEADER, REPLAYED_HEADER } from '../common/openapi/response-headers.js';
import { markReplayed } from '../common/replay/replays.js';
import { IdParam } from '../common/validation/id-param.js';
import { requireVersion, withEtag } from '../common/validation/version.js';
import { CampsService } from './camps.service.js';
import { CampCoverageResponseDto, CampListQueryDto, CampResponseDto, CloseCampDto, CreateCampDto, UpdateCampDto } from './dto/camp.dto.js';

@ApiTags('camps')
@Controller('v1/camps')
export class CampsController {
  constructor(private readonly camps: CampsService) {}

  @Get()
  @Requires('camps.read')
  @ApiOperation({ summary: 'List camps' })
  @ApiOkResponse({ type: PageOf(CampResponseDto), description: 'Camps of my organisation by name, filtered by location, status and name' })
  @ProblemResponses({ 400: ['validation_failed'] })
  list(@CurrentActor() actor: Actor, @Query() query: CampListQueryDto): Promise<Page<CampResponse>> {
    return this.camps.list(actor, query);
  }

  @Get(':id')
  @Requires('camps.read')
  @ApiOperation({ summary: 'Get a camp' })
  @ApiOkResponse({ type: CampResponseDto, description: 'The camp; its ETag carries the version', headers: ETAG_HEADER })
  @ProblemResponses({ 400: ['validation_failed'], 404: ['camp.not_found'] })
  async get(@CurrentActor() actor: Actor, @IdParam() id: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<CampResponse> {
    return withEtag(reply, await this.camps.findCampOrThrow(actor, id));
  }

  @Get(':id/coverage')
  @Requires('camps.read')
  @ApiOperation({ summary: "Get a camp's coverage" })
  @ApiOkResponse({ type: CampCoverageResponseDto, description: 'Shelter and food coverage from the ledger, beside the Sphere references' })
  @ProblemResponses({ 400: ['validation_failed'], 404: ['camp.not_found'] })
  coverage(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<CampCoverageResponse> {
    return this.camps.coverage(actor, id);
  }

  @Post()
  @Requires('camps.write')
  @ApiOperation({ summary: 'Create a camp' })
  @Replayable()
  @ApiCreatedResponse({
    type: CampResponseDto,
    description: 'The new camp, managed by my organisation (or the first answer again for a re-send)',
    headers: { ...ETAG_HEADER, ...REPLAYED_HEADER, Location: { description: 'The new camp: /api/v1/camps/{id}', schema: { type: 'string' } } },
  })
  @ProblemResponses({ 400: ['validation_failed'], 409: ['camp.duplicate_name'], 422: ['validation_failed'] })
  async create(
    @CurrentActor() actor: Actor,
    @Body() dto: CreateCampDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CampResponse> {
    const { replayed, answer } = await this.camps.create(actor, dto, idempotencyKey);
    markReplayed(reply, replayed);
    const camp = withEtag(reply, answer);
    void reply.header('location', `/api/v1/camps/${camp.id}`);
    return camp;
  }

  @Patch(':id')
  @Requires('camps.write')
  @ApiOperation({ summary: 'Change a camp', description: 'Send only the fields to change, with the version you read (body version or If-Match). Close a camp with POST …/close.' })
  @ApiHeader({ name: 'If-Match', required: false, description: 'The ETag you read; overrides body.version' })
  @ApiOkResponse({ type: CampResponseDto, description: 'The camp as changed', headers: ETAG_HEADER })
  @ProblemResponses({
    400: ['validation_failed', 'camp.nothing_to_change'],
    404: ['camp.not_found'],
    409: ['camp.stale_version', 'camp.duplicate_name'],
    422: ['camp.closed', 'camp.illegal_status', 'validation_failed'],
    428: ['version.required'],
  })
  async update(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @Body() dto: UpdateCampDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CampResponse> {
    return withEtag(reply, await this.camps.update(actor, id, requireVersion(ifMatch, dto.version), dto));
  }

  @Post(':id/close')
  @Requires('camps.write')
  @HttpCode(200)
  @ApiOperation({ summary: 'Close a camp' })
  @ApiOkResponse({ type: CampResponseDto, description: 'Closed; a camp is never deleted', headers: ETAG_HEADER })
  @ProblemResponses({
    400: ['validation_failed'],
    404: ['camp.not_found'],
    409: ['camp.stale_version'],
    422: ['camp.illegal_status', 'camp.closed_in_future', 'camp.closed_before_opened'],
  })
  async close(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() dto: CloseCampDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<CampResponse> {
    return withEtag(reply, await this.camps.close(actor, id, dto));
  }
}
