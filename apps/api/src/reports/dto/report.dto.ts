import { LANGUAGES, REPORT_FORMATS, REPORT_IDS, REPORT_LEVELS, REPORT_PAGE_SIZE_MAX } from '@relief-ledger/domain';
import type { Language, ReportFormat, ReportId, ReportLevel, ReportQuery } from '@relief-ledger/domain';
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
