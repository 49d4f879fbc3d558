import { ApiProperty } from '@nestjs/swagger';
import { LANGUAGES, REPORT_FORMATS, REPORT_IDS, REPORT_LEVELS, REPORT_PAGE_SIZE_MAX } from '@relief-ledger/domain';
import type { Language, ReportColumn, ReportColumnType, ReportFormat, ReportId, ReportLevel, ReportPage, ReportQuery } from '@relief-ledger/domain';
import { EnumField, InstantField, IntField, ListField, ObjectField, TextField } from '../../common/openapi/response-fields.js';
import { CalendarDate, OneOf, QueryInt, Text, Uuid } from '../../common/validation/decorators.js';

export class ReportParamsDto {
  @OneOf(REPORT_IDS) report: ReportId;
}

export class ReportQueryDto implements ReportQuery {
  @OneOf(REPORT_FORMATS, { optional: true, description: 'json (a page, for the preview and scripts; the default), csv or xlsx (the whole report, as a download)' })
  format?: ReportFormat;
  @CalendarDate({ optional: true, description: 'First local day of the period (default: the first day of the month two months back)' }) from?: string;
  @CalendarDate({ optional: true, description: 'Last local day of the period, included (default: today)' }) to?: string;
  @Text(20, { optional: true, description: 'A location and everything under it, by OCHA P-code (SY07, SY0703, …)' }) pcode?: string;
  @Uuid({ optional: true }) campId?: string;
  @Uuid({ optional: true }) stockPointId?: string;
  @Uuid({ optional: true }) itemId?: string;
  @Text(200, { optional: true }) donor?: string;
  @OneOf(REPORT_LEVELS, { optional: true, description: 'The 4W: the admin level rows are summed to (default sub_district)' }) level?: ReportLevel;
  @OneOf(LANGUAGES, { optional: true, description: "Headers and names in this language (default: the user's own); the HXL row never changes" }) lang?: Language;
  @QueryInt(1, 100_000, { description: 'JSON only: page number, from 1' }) page?: number;
  @QueryInt(1, REPORT_PAGE_SIZE_MAX, { description: `JSON only: rows per page, at most ${REPORT_PAGE_SIZE_MAX}` }) pageSize?: number;
}

const COLUMN_TYPES: readonly ReportColumnType[] = ['text', 'number', 'date', 'datetime'];
type ReportOrganisation = ReportPage['organisation'];

export class ReportColumnDto implements ReportColumn {
  @TextField({ example: 'people', description: 'The key of this column in each row' }) key: string;
  @TextField({ description: "Human header, in the report's language" }) header: string;
  @ApiProperty({ type: 'string', required: false, example: '#reached+ind', description: 'The HXL hashtag of the second header row, for reports that carry one (the 4W)' }) hxl?: string;
  @EnumField(COLUMN_TYPES) type: ReportColumnType;
  @ApiProperty({ type: 'boolean', required: false, description: 'Summed in totals' }) total?: boolean;
}

export class ReportOrganisationDto implements ReportOrganisation {
  @TextField() name: string;
  @TextField() shortCode: string;
}

/** One preview page: rows keyed by column, totals of the summed columns over all rows. */
export class ReportPageDto implements ReportPage {
  @EnumField(REPORT_IDS) report: ReportId;
  @ListField(ReportColumnDto) columns: ReportColumnDto[];

  @ApiProperty({
    type: 'array',
    description: "Rows of this page, each keyed by the columns' keys",
    items: { type: 'object', additionalProperties: { anyOf: [{ type: 'string', nullable: true }, { type: 'number', nullable: true }] } },
  })
  rows: Array<Record<string, string | number | null>>;

  @ApiProperty({ type: 'object', description: 'Sums of the summed columns over all rows, not only this page', additionalProperties: { type: 'number' } })
  totals: Record<string, number>;

  @IntField({ minimum: 1 }) page: number;
  @IntField({ minimum: 1, maximum: REPORT_PAGE_SIZE_MAX }) pageSize: number;
  @IntField({ minimum: 0, description: 'Rows on all pages' }) total: number;
  @ObjectField(ReportQueryDto, { description: 'The filters as applied, with defaults filled in (the period above all)' }) filters: ReportQueryDto;
  @InstantField() generatedAt: string;
  @TextField({ example: 'Asia/Damascus', description: 'The zone the days and months of this report are in' }) zone: string;
  @ObjectField(ReportOrganisationDto) organisation: ReportOrganisationDto;
  @EnumField(LANGUAGES, { description: 'The language of the headers and names' }) language: Language;
}
