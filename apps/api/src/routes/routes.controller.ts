import type { FastifyReply } from 'fastify';
import { Body, Controller, Get, Headers, Post, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { RouteResponse } from '@relief-ledger/domain';
import type { Actor } from '../common/actor.js';
import { markReplayed } from '../common/replay/replays.js';
import { CurrentActor, Requires } from '../auth/auth.decorators.js';
import { ProblemResponses, Replayable } from '../common/openapi/problem-responses.js';
import { REPLAYED_HEADER } from '../common/openapi/response-headers.js';
import { IdParam } from '../common/validation/id-param.js';
import { CreateRouteDto, RouteResponseDto } from './dto/route.dto.js';
import { RoutesService } from './routes.service.js';

@ApiTags('convoys')
@Controller('v1/routes')
export class RoutesController {
  constructor(private readonly routes: RoutesService) {}

  @Get()
  @Requires('convoys.read')
  @ApiOperation({ summary: 'List routes' })
  @ApiOkResponse({ type: [RouteResponseDto], description: 'Every route, shared by all organisations, with its stops in order' })
  list(): Promise<RouteResponse[]> {
    return this.routes.list();
  }

  @Get(':id')
  @Requires('convoys.read')
  @ApiOperation({ summary: 'Get a route' })
  @ApiOkResponse({ type: RouteResponseDto, description: 'One route with its stops' })
  @ProblemResponses({ 400: ['validation_failed'], 404: ['route.not_found'] })
  get(@IdParam() id: string): Promise<RouteResponse> {
    return this.routes.get(id);
  }

  @Post()
  @Requires('convoys.write')
  @ApiOperation({ summary: 'Create a route' })
  @Replayable()
  @ApiCreatedResponse({ type: RouteResponseDto, description: 'The new route, shared with every organisation (or the first answer again for a re-send)', headers: REPLAYED_HEADER })
  @ProblemResponses({ 400: ['validation_failed'], 409: ['route.duplicate_name'], 422: ['route.unknown_location'] })
  async create(
    @CurrentActor() actor: Actor,
    @Body() dto: CreateRouteDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<RouteResponse> {
    const { replayed, answer } = await this.routes.create(actor, dto, idempotencyKey);
    markReplayed(reply, replayed);
    return answer;
  }
}
