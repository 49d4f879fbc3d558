import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Requires } from '../auth/auth.decorators.js';
import type { OrganisationResponse } from '@relief-ledger/domain';
import { OrganisationsService } from './organisations.service.js';

@ApiTags('organisations')
@Controller('v1/organisations')
export class OrganisationsController {
  constructor(private readonly organisations: OrganisationsService) {}

  @Get()
  @Requires('organisations.read')
  @ApiOkResponse({ description: 'All organisations, by name' })
  list(): Promise<OrganisationResponse[]> {
    return this.organisations.list();
  }
}
