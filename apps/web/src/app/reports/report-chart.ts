import { CONVOY_STATUS_LABELS, ConvoyStatus, ReportPage } from '@relief-ledger/domain';

import { BarChartData } from '../shared/charts/bar-chart';

export interface ReportChart {
  data: BarChartData;
  /** The bars in words, for those who do not see the chart. */
  summary: string;
}

const BAR_COLOUR = '#005cbb';

/**
 * A chart where one helps read the report: convoys by final status for the monthly convoy
 * report. Drawn from the rows on show; the summary says so when they are not all of them.
 */
export function reportChart(page: ReportPage): ReportChart | undefined {
  if (page.report !== 'convoys-monthly' || page.rows.length === 0) return undefined;
  const byStatus = new Map<string, number>();
  for (const row of page.rows) {
    const status = statusLabel(row['status']);
    byStatus.set(status, (byStatus.get(status) ?? 0) + (Number(row['convoys']) || 0));
  }
  const labels = [...byStatus.keys()];
  const values = labels.map((label) => byStatus.get(label) ?? 0);
  const from = page.total > page.rows.length ? ` (the ${page.rows.length.toLocaleString('en')} rows on this page)` : '';
  const parts = labels.map((label, index) => `${values[index].toLocaleString('en')} ${label.toLowerCase()}`);
  return {
    data: { labels, series: [{ label: 'Convoys', values, color: BAR_COLOUR }] },
    summary: `Convoys by final status${from}: ${parts.join(', ')}.`,
  };
}

function statusLabel(value: unknown): string {
  const text = value === null || value === undefined || value === '' ? 'Unknown' : String(value);
  return CONVOY_STATUS_LABELS[text as ConvoyStatus] ?? text;
}
