import { Params } from '@angular/router';
import {
  REPORT_LEVELS,
  ReportColumn,
  ReportDefinition,
  ReportFilterName,
  ReportLevel,
  ReportQuery,
  wallClockAt,
} from '@relief-ledger/domain';

import { readChoice } from '../shared/list-query/list-query';
import { isDay } from '../shared/time/day-range';

export const REPORT_FILTER_NAMES: readonly ReportFilterName[] = ['from', 'to', 'pcode', 'campId', 'stockPointId', 'itemId', 'donor', 'level'];

export const REPORT_FILTER_LABELS: Readonly<Record<ReportFilterName, string>> = {
  from: 'From',
  to: 'To',
  pcode: 'Location',
  campId: 'Camp',
  stockPointId: 'Stock point',
  itemId: 'Item',
  donor: 'Donor',
  level: 'Aggregated by',
};

/** OCHA's admin levels by name and number, as cluster colleagues say them. */
export const REPORT_LEVEL_LABELS: Readonly<Record<ReportLevel, string>> = {
  governorate: 'Governorate (admin 1)',
  district: 'District (admin 2)',
  sub_district: 'Sub-district (admin 3)',
  camp: 'Camp',
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

/** Query parameters for the address: every filter, those not set as null so that a cleared one leaves it. */
export function filterParams(query: ReportQuery): Params {
  return Object.fromEntries(REPORT_FILTER_NAMES.map((name) => [name, query[name] ?? null]));
}

/** `YYYY-MM-DD` of a day that exists: not 30 February, which the API refuses. */
export function isCalendarDay(value: string): boolean {
  return isDay(value) && new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) === value;
}

/** A calendar day as people read it, never shifted by a zone: "1 Dec 2019". */
export function describeCalendarDay(day: string): string {
  if (!isCalendarDay(day)) return day;
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
}

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/**
 * One cell as the preview and the print view show it: figures grouped ("20,000"), instants on
 * the report's local clock ("2019-12-23 18:00", as the column header says "local"), the rest as
 * sent. Empty for no value.
 */
export function formatCell(column: Pick<ReportColumn, 'type'>, value: string | number | null | undefined, zone: string): string {
  if (value === null || value === undefined || value === '') return '';
  if (column.type === 'number') {
    const number = typeof value === 'number' ? value : Number(value);
    return Number.isFinite(number) ? number.toLocaleString('en') : String(value);
  }
  if (column.type === 'datetime' && typeof value === 'string' && INSTANT.test(value) && !Number.isNaN(Date.parse(value))) {
    // An offset or Z makes it an instant; without one it is already a local reading.
    if (/(Z|[+-]\d{2}:\d{2})$/.test(value)) {
      const local = wallClockAt(value, zone);
      return `${local.date} ${local.time}`;
    }
    return value.replace('T', ' ').slice(0, 16);
  }
  return String(value);
}

/** Names for the ids and codes the filters hold, where they are known. */
export interface FilterNames {
  location?: string;
  camps?: ReadonlyMap<string, string>;
  stockPoints?: ReadonlyMap<string, string>;
  items?: ReadonlyMap<string, string>;
}

/**
 * The filters a report was made with, in words for its printed header: "Period: 1 Dec 2019 to
 * 31 Dec 2019", "Location: Harem (SY0703)", "Item: Family tent". Ids without a known name show as they are.
 */
export function describeFilters(query: ReportQuery, names: FilterNames = {}): { label: string; value: string }[] {
  const lines: { label: string; value: string }[] = [];
  if (query.from || query.to) {
    const from = query.from ? describeCalendarDay(query.from) : 'the start';
    const to = query.to ? describeCalendarDay(query.to) : 'today';
    lines.push({ label: 'Period', value: `${from} to ${to}` });
  }
  if (query.pcode) lines.push({ label: 'Location', value: names.location ? `${names.location} (${query.pcode}) and all in it` : `${query.pcode} and all in it` });
  if (query.campId) lines.push({ label: 'Camp', value: names.camps?.get(query.campId) ?? query.campId });
  if (query.stockPointId) lines.push({ label: 'Stock point', value: names.stockPoints?.get(query.stockPointId) ?? query.stockPointId });
  if (query.itemId) lines.push({ label: 'Item', value: names.items?.get(query.itemId) ?? query.itemId });
  if (query.donor) lines.push({ label: 'Donor', value: query.donor });
  if (query.level) lines.push({ label: REPORT_FILTER_LABELS.level, value: REPORT_LEVEL_LABELS[query.level] ?? query.level });
  return lines;
}
