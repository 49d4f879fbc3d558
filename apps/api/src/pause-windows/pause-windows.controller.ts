import type { FastifyReply } from 'fastify';
import { Body, Controller, Get, Headers, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import type { Page, PauseWindowResponse } from '@relief-ledger/domain';
import type { Actor } from '../common/actor.js';
import { markReplayed } from '../common/replay/replays.js';
import { CurrentActor, Requires } from '../auth/auth.decorators.js';
import { IdParam } from '../common/validation/id-param.js';
import { CreatePauseWindowDto, PauseWindowListQueryDto } from './dto/pause-window.dto.js';
import { PauseWindowsService } from './pause-windows.service.js';

@ApiTags('pause windows')
@Controller('v1/pause-windows')
export class PauseWindowsController {
  constructor(private readonly windows: PauseWindowsService) {}

  @Get()
  @Requires('windows.read')
  @ApiOkResponse({ description: 'Every pause window (shared by all organisations): in force first, then upcoming, then the rest' })
  list(@Query() query: PauseWindowListQueryDto): Promise<Page<PauseWindowResponse>> {
    return this.windows.list(query);
  }

  @Get(':id')
  @Requires('windows.read')
  @ApiOkResponse({ description: 'One pause window' })
  get(@IdParam() id: string): Promise<PauseWindowResponse> {
    return this.windows.get(id);
  }

  @Post()
  @Requires('windows.write')
  @ApiCreatedResponse({ description: 'The window, with its times as instants and as read in its zone' })
  @ApiUnprocessableEntityResponse({ description: 'A time that does not exist there (clocks jumped) or happened twice (say which offset)' })
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
