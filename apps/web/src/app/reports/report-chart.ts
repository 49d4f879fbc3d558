import { ReportPage } from '@relief-ledger/domain';

import { INTL_LOCALES } from '../core/i18n/intl-format';
import { LocalWords } from '../core/i18n/local-words';
import { BarChartData } from '../shared/charts/bar-chart';
import { cellWords } from './report-query';

export interface ReportChart {
  data: BarChartData;
  /** The bars in words, for those who do not see the chart. */
  summary: string;
}

const BAR_COLOUR = '#005cbb';

/**
 * A chart where one helps read the report: convoys by final status for the monthly convoy
 * report, its labels and summary in the user's language. Drawn from the rows on show; the
 * summary says so when they are not all of them.
 */
export function reportChart(page: ReportPage, words: LocalWords): ReportChart | undefined {
  if (page.report !== 'convoys-monthly' || page.rows.length === 0) return undefined;
  const byStatus = new Map<string, number>();
  for (const row of page.rows) {
    const status = statusLabel(row['status'], words);
    byStatus.set(status, (byStatus.get(status) ?? 0) + (Number(row['convoys']) || 0));
  }
  const labels = [...byStatus.keys()];
  const values = labels.map((label) => byStatus.get(label) ?? 0);
  const locale = INTL_LOCALES[words.locale.lang];
  const parts = labels.map((label, index) => words.t('reports.chart.part', { count: values[index], status: label.toLocaleLowerCase(locale) }));
  return {
    data: { labels, series: [{ label: words.t('reports.chart.convoys'), values, color: BAR_COLOUR }] },
    summary: words.t('reports.chart.summary', {
      partial: page.total > page.rows.length ? 'yes' : 'no',
      rows: page.rows.length,
      parts: parts.join(words.t('reports.chart.separator')),
    }),
  };
}

function statusLabel(value: unknown, words: LocalWords): string {
  if (value === null || value === undefined || value === '') return words.t('reports.chart.unknown');
  return cellWords('convoys-monthly', 'status', value, words) ?? String(value);
}
