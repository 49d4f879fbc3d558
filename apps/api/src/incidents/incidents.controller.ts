import { Body, Controller, Get, Headers, HttpCode, Post, Query, Res } from '@nestjs/common';
import { markReplayed } from '../common/replay/replays.js';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { IncidentResponse, Page } from '@relief-ledger/domain';
import type { FastifyReply } from 'fastify';
import type { Actor } from '../common/actor.js';
import { CurrentActor, Requires } from '../auth/auth.decorators.js';
import { IdParam } from '../common/validation/id-param.js';
import { CreateIncidentDto, IncidentListQueryDto } from './dto/incident.dto.js';
import { IncidentsService } from './incidents.service.js';

@ApiTags('incidents')
@Controller('v1/incidents')
export class IncidentsController {
  constructor(private readonly incidents: IncidentsService) {}

  @Get()
  @Requires('incidents.read')
  @ApiOkResponse({ description: "Incidents reported by every organisation, newest first; another organisation's convoy or camp involved is not named" })
  list(@CurrentActor() actor: Actor, @Query() query: IncidentListQueryDto): Promise<Page<IncidentResponse>> {
    return this.incidents.list(actor, query);
  }

  @Get(':id')
  @Requires('incidents.read')
  @ApiOkResponse({ description: 'One incident' })
  get(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<IncidentResponse> {
    return this.incidents.get(actor, id);
  }

  @Post()
  @Requires('incidents.write')
  @HttpCode(201)
  @ApiCreatedResponse({ description: 'Reported (or the first report again for a re-send); windows it broke are marked violated' })
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
