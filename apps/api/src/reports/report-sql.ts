import type { Language, ReportColumn, ReportLevel } from '@relief-ledger/domain';

/**
 * One report as SQL: its text (parameters $1…$n), the values, and the columns its rows carry in
 * order (each column's key is the name of its output column). The repositories build these;
 * ReportsRepository runs them as a page of JSON, a CSV stream (COPY) or a cursor for XLSX.
 */
export interface ReportSql {
  text: string;
  values: unknown[];
  columns: ReportColumn[];
}

/** Everything a report's SQL depends on, the filters already checked and defaulted. */
export interface ReportContext {
  organisationId: string;
  /** The zone of the days, months and local times of the report. */
  zone: string;
  /** Inclusive local days. */
  from: string;
  to: string;
  /** Today at the sites. */
  today: string;
  pcode?: string;
  campId?: string;
  stockPointId?: string;
  itemId?: string;
  donor?: string;
  level: ReportLevel;
  placeholders: PlaceholderMode;
  /** Names in this language where the records have them (Arabic names for `ar`). */
  language: Language;
}

/** The column of a record's name in the report's language: its Arabic name for Arabic, else English. */
export function nameIn(alias: string, language: Language): string {
  return language === 'ar' ? `${alias}.name_ar` : `${alias}.name_en`;
}

/**
 * How values reach the SQL: `bind` as parameters ($1…), or `settings` as transaction-local
 * settings read with current_setting(): COPY, which streams CSV straight from PostgreSQL,
 * takes no parameters, and a value is never spliced into SQL text.
 */
export type PlaceholderMode = 'bind' | 'settings';

export interface Placeholders {
  values: unknown[];
  /** Where the value goes, cast. */
  p: (value: unknown, cast?: string) => string;
  /** `(value IS NULL OR condition(value))`: a filter that applies only when given. */
  when: (value: unknown, cast: string, condition: (placeholder: string) => string) => string;
}

/** The setting that carries the n-th value in `settings` mode. */
export const settingName = (n: number) => `relief_report.p${n}`;

export function parameters(mode: PlaceholderMode = 'bind'): Placeholders {
  const values: unknown[] = [];
  const p = (value: unknown, cast = 'text') => {
    const n = values.push(value === undefined ? null : value);
    if (mode === 'bind') return `$${n}::${cast}`;
    // Settings are text and never null: '' stands for "not given" (no filter accepts ''). As a
    // scalar subquery the setting is read once per statement (an InitPlan), not once per row and
    // use; the outer cast (a no-op) keeps `= ANY(…)` reading it as an array, not a subquery.
    return `(SELECT nullif(current_setting('${settingName(n)}'), '')::${cast})::${cast}`;
  };
  const when = (value: unknown, cast: string, condition: (placeholder: string) => string) => {
    const placeholder = p(value, cast);
    return `(${placeholder} IS NULL OR ${condition(placeholder)})`;
  };
  return { values, p, when };
}

/**
 * Every location with its governorate, district and sub-district above it (OCHA adm1–adm3): the
 * hierarchy is small (hundreds of rows) and read whole each time.
 */
export const ADMIN_TREE = `tree AS (
  SELECT id, id AS adm1, NULL::uuid AS adm2, NULL::uuid AS adm3 FROM locations WHERE parent_id IS NULL
  UNION ALL
  SELECT l.id, t.adm1,
         CASE WHEN l.level = 'district' THEN l.id ELSE t.adm2 END,
         CASE WHEN l.level = 'sub_district' THEN l.id ELSE t.adm3 END
  FROM locations l JOIN tree t ON l.parent_id = t.id)`;

/** A tree row lies under the location with this P-code (or is it). */
export function underPcode(treeAlias: string, pcode: string): string {
  return `EXISTS (SELECT 1 FROM locations s WHERE s.pcode = ${pcode} AND s.id IN (${treeAlias}.id, ${treeAlias}.adm1, ${treeAlias}.adm2, ${treeAlias}.adm3))`;
}

/** The first instant of a local day in `zone`. */
export function startOfLocalDay(day: string, zone: string): string {
  return `((${day})::date::timestamp AT TIME ZONE ${zone})`;
}

/** A local date and time for people, `2019-12-23 16:30`. */
export function localDateTime(instant: string, zone: string): string {
  return `to_char(${instant} AT TIME ZONE ${zone}, 'YYYY-MM-DD HH24:MI')`;
}
