import { Controller, Get, Param, Query, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiParam, ApiProduces, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { REPORT_COLUMNS, REPORT_IDS, REPORTS, type ReportPage } from '@relief-ledger/domain';
import type { Actor } from '../common/actor.js';
import { CurrentActor, Requires } from '../auth/auth.decorators.js';
import { ReportParamsDto, ReportQueryDto } from './dto/report.dto.js';
import { ReportsService } from './reports.service.js';

/** Each report, its filters and columns, for the OpenAPI document. */
const DESCRIPTION = REPORT_IDS.map((id) => {
  const columns = id === 'stock-on-hand' ? 'item code, item, unit, one column per stock point, total' : REPORT_COLUMNS[id].map((c) => (c.hxl ? `${c.header} (${c.hxl})` : c.header)).join(', ');
  return `**${id}**: ${REPORTS[id].description} Filters: ${REPORTS[id].filters.join(', ')}${REPORTS[id].required.length ? ` (required: ${REPORTS[id].required.join(', ')})` : ''}. Columns: ${columns}.`;
}).join('\n\n');

@ApiTags('reports')
@Controller('v1/reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Get(':report')
  @Requires('reports.export')
  @ApiParam({ name: 'report', enum: REPORT_IDS })
  @ApiProduces('application/json', 'text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiOkResponse({ description: `A page of the report (json), or all of it as a download (csv with a byte-order mark, xlsx). Every request is audited.\n\n${DESCRIPTION}` })
  @ApiUnprocessableEntityResponse({ description: 'xlsx asked for more rows than a worksheet holds: use csv' })
  async report(
    @CurrentActor() actor: Actor,
    @Param() params: ReportParamsDto,
    @Query() query: ReportQueryDto,
  ): Promise<ReportPage | StreamableFile> {
    if (!query.format || query.format === 'json') return this.reports.page(actor, params.report, query);
    const download = query.format === 'csv' ? await this.reports.csv(actor, params.report, query) : await this.reports.xlsx(actor, params.report, query);
    return new StreamableFile(download.body, { type: download.contentType, disposition: `attachment; filename="${download.filename}"` });
  }
}
