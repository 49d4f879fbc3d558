import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Requires } from '../auth/auth.decorators.js';
import type { OrganisationResponse } from '@relief-ledger/domain';
import { OrganisationResponseDto } from './dto/organisation.dto.js';
import { OrganisationsService } from './organisations.service.js';

@ApiTags('organisations')
@Controller('v1/organisations')
export class OrganisationsController {
  constructor(private readonly organisations: OrganisationsService) {}

  @Get()
  @Requires('organisations.read')
  @ApiOperation({ summary: 'List organisations' })
  @ApiOkResponse({ type: [OrganisationResponseDto], description: 'All organisations, by name' })
  list(): Promise<OrganisationResponse[]> {
    return this.organisations.list();
  }
}
