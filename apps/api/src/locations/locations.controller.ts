import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Requires } from '../auth/auth.decorators.js';
import type { LocationResponse, Page } from '@relief-ledger/domain';
import { IdParam } from '../common/validation/id-param.js';
import { LocationListQueryDto, LocationResponseDto } from './dto/location.dto.js';
import { LocationsService } from './locations.service.js';

@ApiTags('locations')
@Controller('v1/locations')
export class LocationsController {
  constructor(private readonly locations: LocationsService) {}

  @Get()
  @Requires('locations.read')
  @ApiOkResponse({ description: 'Locations by P-code, filtered by level, parent and name' })
  list(@Query() query: LocationListQueryDto): Promise<Page<LocationResponse>> {
    return this.locations.list(query);
  }

  @Get(':id')
  @Requires('locations.read')
  @ApiOkResponse({ type: LocationResponseDto })
  get(@IdParam() id: string): Promise<LocationResponse> {
    return this.locations.findLocationOrThrow(id);
  }
}
