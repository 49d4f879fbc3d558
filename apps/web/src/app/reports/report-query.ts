import { Params } from '@angular/router';
import {
  CONVOY_PURPOSES,
  CONVOY_STATUSES,
  INCIDENT_KINDS,
  LOSS_CAUSES,
  MOVEMENT_KINDS,
  REPORT_LEVELS,
  ReportColumn,
  ReportDefinition,
  ReportFilterName,
  ReportId,
  ReportLevel,
  ReportQuery,
  wallClockAt,
} from '@relief-ledger/domain';

import { formatCalendarDate, formatNumber, INTL_LOCALES, localDigits } from '../core/i18n/intl-format';
import { LocalWords } from '../core/i18n/local-words';
import { readChoice } from '../shared/list-query/list-query';
import { isDay } from '../shared/time/day-range';

export const REPORT_FILTER_NAMES: readonly ReportFilterName[] = ['from', 'to', 'pcode', 'campId', 'stockPointId', 'itemId', 'donor', 'level'];

/** Translation keys of the filters' names. */
export const REPORT_FILTER_KEYS: Readonly<Record<ReportFilterName, string>> = {
  from: 'reports.filter.from',
  to: 'reports.filter.to',
  pcode: 'reports.filter.location',
  campId: 'reports.filter.camp',
  stockPointId: 'reports.filter.stockPoint',
  itemId: 'reports.filter.item',
  donor: 'reports.filter.donor',
  level: 'reports.filter.level',
};

/** Translation keys of OCHA's admin levels by name and number, as cluster colleagues say them: "Governorate (admin 1)". */
export const REPORT_LEVEL_KEYS: Readonly<Record<ReportLevel, string>> = {
  governorate: 'reports.level.governorate',
  district: 'reports.level.district',
  sub_district: 'reports.level.sub_district',
  camp: 'reports.level.camp',
};

/** Translation keys of each report's description (the titles are the API's, `reportText`). */
export const REPORT_DESCRIPTION_KEYS: Readonly<Record<ReportId, string>> = {
  '4w': 'reports.description.4w',
  'stock-card': 'reports.description.stock-card',
  'stock-movements': 'reports.description.stock-movements',
  'stock-on-hand': 'reports.description.stock-on-hand',
  'receipts-by-donor': 'reports.description.receipts-by-donor',
  'convoys-monthly': 'reports.description.convoys-monthly',
  'convoy-log': 'reports.description.convoy-log',
  incidents: 'reports.description.incidents',
};

/** The filters as the address holds them: text, or nothing. */
export type ReportFilterValues = Partial<Record<ReportFilterName, string | undefined>>;

type TextFilter = Exclude<ReportFilterName, 'level'>;

/**
 * The filters in the address that this report takes, each checked: a day that is not a day, a
 * level that is not one, and a filter of another report are left out rather than sent for a 400.
 */
export function readReportFilters(definition: ReportDefinition, values: ReportFilterValues): ReportQuery {
  const query: ReportQuery = {};
  for (const name of definition.filters) {
    const value = values[name]?.trim();
    if (!value) continue;
    if (name === 'level') {
      const level = readChoice(value, REPORT_LEVELS);
      if (level) query.level = level;
    } else if ((name !== 'from' && name !== 'to') || isCalendarDay(value)) {
      query[name as TextFilter] = value;
    }
  }
  return query;
}

/** The filters the report cannot be made without that are not set (the stock card's point and item). */
export function missingFilters(definition: ReportDefinition, query: ReportQuery): ReportFilterName[] {
  return definition.required.filter((name) => !query[name]);
}

/** "Choose the stock point and item to make this report.", in the user's language; empty when nothing is missing. */
export function describeMissing(missing: readonly ReportFilterName[], words: LocalWords): string {
  if (missing.length === 0) return '';
  const locale = INTL_LOCALES[words.locale.lang];
  const names = missing.map((name) => words.t(REPORT_FILTER_KEYS[name]).toLocaleLowerCase(locale));
  return words.t('reports.missing', { filters: new Intl.ListFormat(locale, { type: 'conjunction' }).format(names) });
}

/** Query parameters for the address: every filter, those not set as null so that a cleared one leaves it. */
export function filterParams(query: ReportQuery): Params {
  return Object.fromEntries(REPORT_FILTER_NAMES.map((name) => [name, query[name] ?? null]));
}

/** `YYYY-MM-DD` of a day that exists: not 30 February, which the API refuses. */
export function isCalendarDay(value: string): boolean {
  return isDay(value) && new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) === value;
}

/** A calendar day as people read it, in their language, never shifted by a zone: "1 Dec 2019". */
export function describeCalendarDay(day: string, words: LocalWords): string {
  if (!isCalendarDay(day)) return day;
  return formatCalendarDate(day, words.locale);
}

/** "1 Dec 2019 to 31 Dec 2019"; an open end says so ("the start", "today", or `open` for the preview's "…"). */
export function describePeriod({ from, to }: Pick<ReportQuery, 'from' | 'to'>, words: LocalWords, open?: { start: string; end: string }): string {
  return words.t('reports.period', {
    from: from ? describeCalendarDay(from, words) : (open?.start ?? words.t('reports.theStart')),
    to: to ? describeCalendarDay(to, words) : (open?.end ?? words.t('reports.today')),
  });
}

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/**
 * One cell as the preview and the print view show it: figures grouped in the user's language
 * ("20,000", "20.000"), instants on the report's local clock ("2019-12-23 18:00", as the column
 * header says "local"), days as sent, codes in words (`cellWords`), the rest as sent. Empty for no value.
 */
export function formatCell(
  column: Pick<ReportColumn, 'type'>,
  value: string | number | null | undefined,
  zone: string,
  words: LocalWords,
): string {
  if (value === null || value === undefined || value === '') return '';
  const { locale } = words;
  if (column.type === 'number') {
    const number = typeof value === 'number' ? value : Number(value);
    return Number.isFinite(number) ? formatNumber(number, locale) : String(value);
  }
  if (column.type === 'datetime' && typeof value === 'string' && INSTANT.test(value) && !Number.isNaN(Date.parse(value))) {
    // An offset or Z makes it an instant; without one it is already a local reading.
    if (/(Z|[+-]\d{2}:\d{2})$/.test(value)) {
      const local = wallClockAt(value, zone);
      return localDigits(`${local.date} ${local.time}`, locale.digits);
    }
    return localDigits(value.replace('T', ' ').slice(0, 16), locale.digits);
  }
  if (column.type === 'date') return localDigits(String(value), locale.digits);
  return String(value);
}

/**
 * The words of a cell the API sends as a code or an English word of its own ("arrived",
 * "Transfer out", "Completed"), in the user's language; undefined for any other cell (names,
 * references), which show as sent. The CSV and XLSX keep the codes.
 */
export function cellWords(report: ReportId, key: string, value: unknown, words: LocalWords): string | undefined {
  if (typeof value !== 'string' || value === '') return undefined;
  const known = (prefix: string, codes: readonly string[], code = value) => (codes.includes(code) ? words.t(`${prefix}${code}`) : undefined);
  if ((report === 'convoys-monthly' || report === 'convoy-log') && key === 'status') return known('status.convoy.', CONVOY_STATUSES);
  if ((report === 'convoys-monthly' || report === 'convoy-log') && key === 'purpose') return known('convoyPurpose.', CONVOY_PURPOSES);
  if (report === 'incidents' && key === 'kind') return known('incidentKind.', INCIDENT_KINDS);
  if (report === '4w' && key === 'status') return STATUS_OF_4W[value] ? words.t(STATUS_OF_4W[value]) : undefined;
  if (report === 'stock-card' && key === 'kind') {
    if (STOCK_CARD_WORDS[value]) return words.t(STOCK_CARD_WORDS[value]);
    // "Transfer out" is the movement kind transfer_out.
    return known('movementKind.', MOVEMENT_KINDS, value.toLowerCase().replace(/ /g, '_'));
  }
  if (report === 'stock-card' && key === 'counterpart') {
    if (STOCK_CARD_WORDS[value]) return words.t(STOCK_CARD_WORDS[value]);
    return known('lossCause.', LOSS_CAUSES);
  }
  return undefined;
}

/** The 4W's status words, as the API writes them. */
const STATUS_OF_4W: Readonly<Record<string, string>> = { Completed: 'reports.cell.completed', Ongoing: 'reports.cell.ongoing' };

/** The stock card's own rows and counterparts, as the API writes them. */
const STOCK_CARD_WORDS: Readonly<Record<string, string>> = {
  'Opening balance': 'reports.cell.openingBalance',
  'Closing balance': 'reports.cell.closingBalance',
  'CSV import': 'reports.cell.csvImport',
};

/** Names for the ids and codes the filters hold, where they are known. */
export interface FilterNames {
  location?: string;
  camps?: ReadonlyMap<string, string>;
  stockPoints?: ReadonlyMap<string, string>;
  items?: ReadonlyMap<string, string>;
}

/**
 * The filters a report was made with, in words for its printed header: "Period: 1 Dec 2019 to
 * 31 Dec 2019", "Location: Harem (SY0703) and all in it", "Item: Family tent". Ids without a known
 * name show as they are.
 */
export function describeFilters(query: ReportQuery, words: LocalWords, names: FilterNames = {}): { label: string; value: string }[] {
  const lines: { label: string; value: string }[] = [];
  const t = (key: string) => words.t(key);
  if (query.from || query.to) lines.push({ label: t('reports.periodLabel'), value: describePeriod(query, words) });
  if (query.pcode) {
    const value = names.location
      ? words.t('reports.locationAndAll', { name: names.location, pcode: query.pcode })
      : words.t('reports.pcodeAndAll', { pcode: query.pcode });
    lines.push({ label: t(REPORT_FILTER_KEYS.pcode), value });
  }
  if (query.campId) lines.push({ label: t(REPORT_FILTER_KEYS.campId), value: names.camps?.get(query.campId) ?? query.campId });
  if (query.stockPointId) lines.push({ label: t(REPORT_FILTER_KEYS.stockPointId), value: names.stockPoints?.get(query.stockPointId) ?? query.stockPointId });
  if (query.itemId) lines.push({ label: t(REPORT_FILTER_KEYS.itemId), value: names.items?.get(query.itemId) ?? query.itemId });
  if (query.donor) lines.push({ label: t(REPORT_FILTER_KEYS.donor), value: query.donor });
  if (query.level) lines.push({ label: t(REPORT_FILTER_KEYS.level), value: REPORT_LEVEL_KEYS[query.level] ? t(REPORT_LEVEL_KEYS[query.level]) : query.level });
  return lines;
}
