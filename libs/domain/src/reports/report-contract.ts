import type { Language } from '../i18n/languages';

/**
 * The reports managers hand to donors and the OCHA cluster: one list of report ids, the
 * columns each one has (human header, HXL hashtag where the cluster expects one, type), the
 * filters each takes, and the JSON shape of a preview page. The API builds its exports from
 * these definitions and the web app its filter forms and previews, so the two cannot drift.
 */

export const REPORT_IDS = ['4w', 'stock-card', 'stock-movements', 'stock-on-hand', 'receipts-by-donor', 'convoys-monthly', 'convoy-log', 'incidents'] as const;
export type ReportId = (typeof REPORT_IDS)[number];

export const REPORT_FORMATS = ['json', 'csv', 'xlsx'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** Admin levels the 4W aggregates to (OCHA adm1–adm3), or down to the camp. */
export const REPORT_LEVELS = ['governorate', 'district', 'sub_district', 'camp'] as const;
export type ReportLevel = (typeof REPORT_LEVELS)[number];

export type ReportFilterName = 'from' | 'to' | 'pcode' | 'campId' | 'stockPointId' | 'itemId' | 'donor' | 'level';

/**
 * Filters of every report. `from` and `to` are calendar days in the site's local zone (the demo's
 * Asia/Damascus), `to` inclusive: a month is 2020-01-01 to 2020-01-31.
 */
export interface ReportQuery {
  format?: ReportFormat;
  from?: string;
  to?: string;
  /** A location and everything under it, by OCHA P-code (SY07, SY0703, …). */
  pcode?: string;
  campId?: string;
  stockPointId?: string;
  itemId?: string;
  donor?: string;
  level?: ReportLevel;
  /** The human header row and names in this language (default: the user's); the HXL row never changes. */
  lang?: Language;
  page?: number;
  pageSize?: number;
}

export type ReportColumnType = 'text' | 'number' | 'date' | 'datetime';

export interface ReportColumn {
  key: string;
  /** Human header, in English (the translation layer gives the others). */
  header: string;
  /** The HXL hashtag of the second header row, for reports that carry one (the 4W). */
  hxl?: string;
  type: ReportColumnType;
  /** Summed in the preview's totals and the print view's last row. */
  total?: boolean;
}

export interface ReportDefinition {
  id: ReportId;
  title: string;
  description: string;
  /** Filters this report reads; others are refused (400), so a typo is not silently ignored. */
  filters: readonly ReportFilterName[];
  /** Filters without which the report cannot be made (the stock card needs one level). */
  required: readonly ReportFilterName[];
  /** Two header rows (human, then HXL) in CSV and XLSX. */
  hxl: boolean;
  /** Shared across organisations by design (the incidents log). */
  shared?: boolean;
}

/** One preview page: rows as objects keyed by column, totals of the summed columns over all rows. */
export interface ReportPage {
  report: ReportId;
  columns: ReportColumn[];
  rows: Array<Record<string, string | number | null>>;
  totals: Record<string, number>;
  page: number;
  pageSize: number;
  total: number;
  /** The filters as applied, with defaults filled in (the period above all). */
  filters: ReportQuery;
  generatedAt: string;
  /** The zone the days and months of this report are in. */
  zone: string;
  organisation: { name: string; shortCode: string };
  /** The language of the headers and names. */
  language: Language;
}

/** The JSON preview pages up to this many rows (the print view asks for one page of them). */
export const REPORT_PAGE_SIZE_MAX = 5_000;

/** Excel's sheet limit: one header row (two with HXL) less than 1,048,576. */
export const XLSX_MAX_ROWS = 1_048_576;
