import { Body, Controller, Get, Headers, HttpCode, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { CampResponse, Page } from '@relief-ledger/domain';
import type { FastifyReply } from 'fastify';
import { IdParam } from '../common/validation/id-param.js';
import { requireVersion, withEtag } from '../common/validation/version.js';
import { CampsService } from './camps.service.js';
import { CampListQueryDto, CampResponseDto, CloseCampDto, CreateCampDto, UpdateCampDto } from './dto/camp.dto.js';

@ApiTags('camps')
@Controller('v1/camps')
export class CampsController {
  constructor(private readonly camps: CampsService) {}

  @Get()
  @ApiOkResponse({ description: 'Camps by name, filtered by location, status and name' })
  list(@Query() query: CampListQueryDto): Promise<Page<CampResponse>> {
    return this.camps.list(query);
  }

  @Get(':id')
  @ApiOkResponse({ type: CampResponseDto, description: 'The camp; its ETag carries the version' })
  async get(@IdParam() id: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<CampResponse> {
    return withEtag(reply, await this.camps.findCampOrThrow(id));
  }

  @Post()
  @ApiCreatedResponse({ type: CampResponseDto })
  async create(@Body() dto: CreateCampDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<CampResponse> {
    const camp = withEtag(reply, await this.camps.create(dto));
    void reply.header('location', `/api/v1/camps/${camp.id}`);
    return camp;
  }

  @Patch(':id')
  @ApiHeader({ name: 'If-Match', required: false, description: 'The ETag you read; overrides body.version' })
  @ApiOkResponse({ type: CampResponseDto })
  @ApiConflictResponse({ description: 'Someone else changed the camp since you read it' })
  async update(
    @IdParam() id: string,
    @Body() dto: UpdateCampDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CampResponse> {
    return withEtag(reply, await this.camps.update(id, requireVersion(ifMatch, dto.version), dto));
  }

  @Post(':id/close')
  @HttpCode(200)
  @ApiOkResponse({ type: CampResponseDto, description: 'Closed; a camp is never deleted' })
  async close(@IdParam() id: string, @Body() dto: CloseCampDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<CampResponse> {
    return withEtag(reply, await this.camps.close(id, dto));
  }
}
