import { Body, Controller, Get, Headers, HttpCode, Post, Query, Res } from '@nestjs/common';
import { markReplayed } from '../common/replay/replays.js';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { IncidentResponse, Page } from '@relief-ledger/domain';
import type { FastifyReply } from 'fastify';
import type { Actor } from '../common/actor.js';
import { CurrentActor, Requires } from '../auth/auth.decorators.js';
import { PageOf } from '../common/openapi/page.schema.js';
import { ProblemResponses, Replayable } from '../common/openapi/problem-responses.js';
import { REPLAYED_HEADER } from '../common/openapi/response-headers.js';
import { IdParam } from '../common/validation/id-param.js';
import { CreateIncidentDto, IncidentListQueryDto, IncidentResponseDto } from './dto/incident.dto.js';
import { IncidentsService } from './incidents.service.js';

@ApiTags('incidents')
@Controller('v1/incidents')
export class IncidentsController {
  constructor(private readonly incidents: IncidentsService) {}

  @Get()
  @Requires('incidents.read')
  @ApiOperation({ summary: 'List incidents' })
  @ApiOkResponse({ type: PageOf(IncidentResponseDto), description: "Incidents reported by every organisation, newest first; another organisation's convoy or camp involved is not named" })
  @ProblemResponses({ 400: ['validation_failed'] })
  list(@CurrentActor() actor: Actor, @Query() query: IncidentListQueryDto): Promise<Page<IncidentResponse>> {
    return this.incidents.list(actor, query);
  }

  @Get(':id')
  @Requires('incidents.read')
  @ApiOperation({ summary: 'Get an incident' })
  @ApiOkResponse({ type: IncidentResponseDto, description: 'One incident' })
  @ProblemResponses({ 400: ['validation_failed'], 404: ['incident.not_found'] })
  get(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<IncidentResponse> {
    return this.incidents.get(actor, id);
  }

  @Post()
  @Requires('incidents.write')
  @HttpCode(201)
  @ApiOperation({ summary: 'Report an incident', description: 'Shared with every organisation at once; a pause window it breaks is marked violated. A re-send with the same clientId records it once.' })
  @Replayable()
  @ApiCreatedResponse({
    type: IncidentResponseDto,
    description: 'Reported (or the first report again for a re-send); windows it broke are marked violated',
    headers: REPLAYED_HEADER,
  })
  @ProblemResponses({
    400: ['validation_failed'],
    422: ['incident.where_required', 'incident.in_the_future', 'incident.unknown_reference'],
  })
  async report(
    @CurrentActor() actor: Actor,
    @Body() dto: CreateIncidentDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<IncidentResponse> {
    const { created, incident } = await this.incidents.report(actor, dto, idempotencyKey);
    markReplayed(reply, !created);
    return incident;
  }
}
