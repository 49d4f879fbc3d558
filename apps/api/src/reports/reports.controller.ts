import { Controller, Get, Param, Query, StreamableFile } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiOperation, ApiParam, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { REPORT_COLUMNS, REPORT_IDS, REPORTS, type ReportPage } from '@relief-ledger/domain';
import type { Actor } from '../common/actor.js';
import { CurrentActor, Requires } from '../auth/auth.decorators.js';
import { ProblemResponses } from '../common/openapi/problem-responses.js';
import { ReportPageDto, ReportParamsDto, ReportQueryDto } from './dto/report.dto.js';
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
  @ApiOperation({ summary: 'Get a report', description: `Every request is audited.\n\n${DESCRIPTION}` })
  @ApiParam({ name: 'report', enum: REPORT_IDS, description: 'Which report' })
  @ApiExtraModels(ReportPageDto)
  @ApiOkResponse({
    description: 'A page of the report (format=json, the default), or all of it as a download (format=csv, with a byte-order mark; format=xlsx)',
    headers: { 'Content-Disposition': { description: 'For csv and xlsx: attachment; filename="…"', schema: { type: 'string' } } },
    content: {
      'application/json': { schema: { $ref: getSchemaPath(ReportPageDto) } },
      'text/csv': { schema: { type: 'string', description: 'UTF-8 with a byte-order mark; a header row (two, human then HXL, for the 4W), then one line per row' } },
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: { type: 'string', format: 'binary' } },
    },
  })
  @ProblemResponses({ 400: ['validation_failed'], 422: ['report.too_many_rows_for_xlsx'] })
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
