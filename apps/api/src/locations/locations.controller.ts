import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Requires } from '../auth/auth.decorators.js';
import type { LocationResponse, Page } from '@relief-ledger/domain';
import { PageOf } from '../common/openapi/page.schema.js';
import { ProblemResponses } from '../common/openapi/problem-responses.js';
import { IdParam } from '../common/validation/id-param.js';
import { LocationListQueryDto, LocationResponseDto } from './dto/location.dto.js';
import { LocationsService } from './locations.service.js';

@ApiTags('locations')
@Controller('v1/locations')
export class LocationsController {
  constructor(private readonly locations: LocationsService) {}

  @Get()
  @Requires('locations.read')
  @ApiOperation({ summary: 'List locations' })
  @ApiOkResponse({ type: PageOf(LocationResponseDto), description: 'Locations by P-code, filtered by level, parent and name' })
  @ProblemResponses({ 400: ['validation_failed'] })
  list(@Query() query: LocationListQueryDto): Promise<Page<LocationResponse>> {
    return this.locations.list(query);
  }

  @Get(':id')
  @Requires('locations.read')
  @ApiOperation({ summary: 'Get a location' })
  @ApiOkResponse({ type: LocationResponseDto, description: 'The location' })
  @ProblemResponses({ 400: ['validation_failed'], 404: ['location.not_found'] })
  get(@IdParam() id: string): Promise<LocationResponse> {
    return this.locations.findLocationOrThrow(id);
  }
}
