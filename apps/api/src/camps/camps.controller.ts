import { Body, Controller, Get, Headers, HttpCode, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { CampCoverageResponse, CampResponse, Page } from '@relief-ledger/domain';
import type { FastifyReply } from 'fastify';
import type { Actor } from '../common/actor.js';
import { CurrentActor, Requires } from '../auth/auth.decorators.js';
import { markReplayed } from '../common/replay/replays.js';
import { IdParam } from '../common/validation/id-param.js';
import { requireVersion, withEtag } from '../common/validation/version.js';
import { CampsService } from './camps.service.js';
import { CampListQueryDto, CampResponseDto, CloseCampDto, CreateCampDto, UpdateCampDto } from './dto/camp.dto.js';

@ApiTags('camps')
@Controller('v1/camps')
export class CampsController {
  constructor(private readonly camps: CampsService) {}

  @Get()
  @Requires('camps.read')
  @ApiOkResponse({ description: 'Camps of my organisation by name, filtered by location, status and name' })
  list(@CurrentActor() actor: Actor, @Query() query: CampListQueryDto): Promise<Page<CampResponse>> {
    return this.camps.list(actor, query);
  }

  @Get(':id')
  @Requires('camps.read')
  @ApiOkResponse({ type: CampResponseDto, description: 'The camp; its ETag carries the version' })
  async get(@CurrentActor() actor: Actor, @IdParam() id: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<CampResponse> {
    return withEtag(reply, await this.camps.findCampOrThrow(actor, id));
  }

  @Get(':id/coverage')
  @Requires('camps.read')
  @ApiOkResponse({ description: 'Shelter and food coverage from the ledger, beside the Sphere references' })
  coverage(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<CampCoverageResponse> {
    return this.camps.coverage(actor, id);
  }

  @Post()
  @Requires('camps.write')
  @ApiCreatedResponse({ type: CampResponseDto, description: 'The new camp, managed by my organisation' })
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
  @ApiHeader({ name: 'If-Match', required: false, description: 'The ETag you read; overrides body.version' })
  @ApiOkResponse({ type: CampResponseDto })
  @ApiConflictResponse({ description: 'Someone else changed the camp since you read it' })
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
  @ApiOkResponse({ type: CampResponseDto, description: 'Closed; a camp is never deleted' })
  async close(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() dto: CloseCampDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<CampResponse> {
    return withEtag(reply, await this.camps.close(actor, id, dto));
  }
}
