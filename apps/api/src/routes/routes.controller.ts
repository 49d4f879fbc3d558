import type { FastifyReply } from 'fastify';
import { Body, Controller, Get, Headers, Post, Res } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { RouteResponse } from '@relief-ledger/domain';
import type { Actor } from '../common/actor.js';
import { markReplayed } from '../common/replay/replays.js';
import { CurrentActor, Requires } from '../auth/auth.decorators.js';
import { IdParam } from '../common/validation/id-param.js';
import { CreateRouteDto } from './dto/route.dto.js';
import { RoutesService } from './routes.service.js';

@ApiTags('convoys')
@Controller('v1/routes')
export class RoutesController {
  constructor(private readonly routes: RoutesService) {}

  @Get()
  @Requires('convoys.read')
  @ApiOkResponse({ description: 'Every route, shared by all organisations, with its stops in order' })
  list(): Promise<RouteResponse[]> {
    return this.routes.list();
  }

  @Get(':id')
  @Requires('convoys.read')
  @ApiOkResponse({ description: 'One route with its stops' })
  get(@IdParam() id: string): Promise<RouteResponse> {
    return this.routes.get(id);
  }

  @Post()
  @Requires('convoys.write')
  @ApiCreatedResponse({ description: 'The new route' })
  @ApiConflictResponse({ description: 'A route with this name exists' })
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
