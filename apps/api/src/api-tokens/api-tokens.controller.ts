import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ApiTokenResponse, CreatedApiTokenResponse, Page } from '@relief-ledger/domain';
import type { Actor } from '../common/actor.js';
import { CurrentActor, Requires } from '../auth/auth.decorators.js';
import { PageOf } from '../common/openapi/page.schema.js';
import { ProblemResponses } from '../common/openapi/problem-responses.js';
import { IdParam } from '../common/validation/id-param.js';
import { ApiTokensService } from './api-tokens.service.js';
import { ApiTokenListQueryDto, ApiTokenResponseDto, CreateApiTokenDto, CreatedApiTokenResponseDto } from './dto/api-token.dto.js';

@ApiTags('api-tokens')
@Controller('v1/api-tokens')
export class ApiTokensController {
  constructor(private readonly tokens: ApiTokensService) {}

  @Get()
  @Requires('tokens.self')
  @ApiOperation({ summary: 'List API tokens' })
  @ApiOkResponse({ type: PageOf(ApiTokenResponseDto), description: "API tokens (never the tokens themselves): an admin sees the organisation's, a manager their own" })
  @ProblemResponses({ 400: ['validation_failed'] })
  list(@CurrentActor() actor: Actor, @Query() query: ApiTokenListQueryDto): Promise<Page<ApiTokenResponse>> {
    return this.tokens.list(actor, query);
  }

  @Post()
  @Requires('tokens.self')
  @ApiOperation({ summary: 'Create a personal API token' })
  @ApiCreatedResponse({ type: CreatedApiTokenResponseDto, description: 'The token, shown this once; send it as Authorization: Bearer <token>' })
  @ProblemResponses({ 400: ['validation_failed'] })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateApiTokenDto): Promise<CreatedApiTokenResponse> {
    return this.tokens.create(actor, dto);
  }

  @Post(':id/revoke')
  @Requires('tokens.self')
  @HttpCode(200)
  @ApiOperation({ summary: 'Revoke an API token' })
  @ApiOkResponse({ type: ApiTokenResponseDto, description: "Revoked: the token stops working on its next use. An admin revokes any of the organisation's, a manager their own" })
  @ProblemResponses({ 400: ['validation_failed'], 404: ['api_token.not_found'] })
  revoke(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<ApiTokenResponse> {
    return this.tokens.revoke(actor, id);
  }
}
