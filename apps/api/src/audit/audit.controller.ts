import { Controller, Get, Query } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuditEntryResponse, AuditPersonResponse, Page } from '@relief-ledger/domain';
import type { Actor } from '../common/actor.js';
import { CurrentActor, Requires } from '../auth/auth.decorators.js';
import { AuditService } from './audit.service.js';
import { PageOf } from '../common/openapi/page.schema.js';
import { ProblemResponses } from '../common/openapi/problem-responses.js';
import { AuditEntryResponseDto, AuditListQueryDto, AuditPersonResponseDto, AuditTargetDto } from './dto/audit.dto.js';

@ApiTags('audit')
@ApiExtraModels(AuditTargetDto)
@Controller('v1/audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Requires('audit.read')
  @ApiOperation({ summary: 'Read the audit trail' })
  @ApiOkResponse({ type: PageOf(AuditEntryResponseDto), description: "The organisation's audit trail, newest first" })
  @ProblemResponses({ 400: ['validation_failed'] })
  list(@CurrentActor() actor: Actor, @Query() query: AuditListQueryDto): Promise<Page<AuditEntryResponse>> {
    return this.audit.list(actor, query);
  }

  @Get('people')
  @Requires('audit.read')
  @ApiOperation({ summary: 'List the people in the audit trail' })
  @ApiOkResponse({ type: [AuditPersonResponseDto], description: "Everyone of the organisation who appears in its audit trail, by name: what the trail can be filtered by" })
  people(@CurrentActor() actor: Actor): Promise<AuditPersonResponse[]> {
    return this.audit.people(actor);
  }
}
