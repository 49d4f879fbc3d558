import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { OverviewResponse } from '@relief-ledger/domain';
import type { Actor } from '../common/actor.js';
import { CurrentActor, Requires } from '../auth/auth.decorators.js';
import { OverviewResponseDto } from './dto/overview.dto.js';
import { OverviewService } from './overview.service.js';

@ApiTags('overview')
@Controller('v1/overview')
export class OverviewController {
  constructor(private readonly overview: OverviewService) {}

  @Get()
  @Requires('overview.read')
  @ApiOperation({ summary: 'Get the overview' })
  @ApiOkResponse({
    type: OverviewResponseDto,
    description:
      "What needs me now: pause windows in force and lately violated, the organisation's convoys on the road and planned today (others' by status only), camps worst first, stock alerts, incidents of the last 72 h, people reached this week and last",
  })
  get(@CurrentActor() actor: Actor): Promise<OverviewResponse> {
    return this.overview.overview(actor);
  }
}
