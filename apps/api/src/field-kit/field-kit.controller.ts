import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FieldKitResponse } from '@relief-ledger/domain';
import type { Actor } from '../common/actor.js';
import { CurrentActor, Requires } from '../auth/auth.decorators.js';
import { FieldKitResponseDto } from './dto/field-kit.dto.js';
import { FieldKitService } from './field-kit.service.js';

@ApiTags('field-kit')
@Controller('v1/field-kit')
export class FieldKitController {
  constructor(private readonly fieldKit: FieldKitService) {}

  @Get()
  @Requires('field.kit')
  @ApiOperation({ summary: 'Get the field kit' })
  @ApiOkResponse({
    type: FieldKitResponseDto,
    description:
      "Everything the field forms pick from, in one answer a phone keeps for offline use: the organisation's open camps with coverage and their store, the items, its stock points with levels, its convoys on the road or planned today with the windows on their route, the windows in force, and the server's time",
  })
  get(@CurrentActor() actor: Actor): Promise<FieldKitResponse> {
    return this.fieldKit.fieldKit(actor);
  }
}
