import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  effect,
  ElementRef,
  inject,
  InjectionToken,
  input,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import type { Chart, ChartConfiguration } from 'chart.js';

import { ActiveLocale } from '../../core/i18n/active-locale';
import { intlLocale } from '../../core/i18n/intl-format';

export interface BarSeries {
  label: string;
  values: readonly number[];
  /** A colour the canvas can paint (not a CSS variable). */
  color: string;
}

export interface BarChartData {
  labels: readonly string[];
  series: readonly BarSeries[];
}

/** What the component needs of Chart.js: its `Chart` class with the bar chart parts registered. */
export type ChartClass = new (canvas: HTMLCanvasElement, config: ChartConfiguration<'bar'>) => Pick<Chart<'bar'>, 'data' | 'update' | 'destroy'> & { options?: object };

/**
 * Loads Chart.js on first use, in a chunk of its own: the first screen of the app never waits for
 * it. A token, so specs hand in a fake (jsdom has no canvas to draw on).
 */
export const LOAD_CHART = new InjectionToken<() => Promise<ChartClass>>('LOAD_CHART', {
  providedIn: 'root',
  factory: () => () => import('./chart-js').then((m) => m.Chart as unknown as ChartClass),
});

/**
 * A bar chart with its text alternative: the caption says in words what the bars show, so a
 * screen reader (and anyone whose connection never brought the chart code) gets the figures.
 */
@Component({
  selector: 'rl-bar-chart',
  imports: [TranslocoPipe],
  template: `
    <figure class="chart">
      <div class="plot">
        <canvas #canvas aria-hidden="true"></canvas>
      </div>
      <figcaption>{{ summary() }}</figcaption>
      @if (failed()) {
        <p class="rl-muted">{{ 'chart.notLoaded' | transloco }}</p>
      }
    </figure>
  `,
  styles: `
    :host {
      display: block;
    }

    .chart {
      margin: 0;
    }

    .plot {
      position: relative;
      height: 220px;
    }

    figcaption {
      margin-top: 8px;
      font: var(--mat-sys-body-medium);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class BarChart {
  private readonly loadChart = inject(LOAD_CHART);
  private readonly activeLocale = inject(ActiveLocale);
  private readonly canvas = viewChild.required<ElementRef<HTMLCanvasElement>>('canvas');

  readonly data = input.required<BarChartData>();
  /** The figures in words: "This week 1,240 people reached; last week 3,100 people". */
  readonly summary = input.required<string>();

  protected readonly failed = signal(false);
  private readonly chartClass = signal<ChartClass | undefined>(undefined);
  private chart: InstanceType<ChartClass> | undefined;

  constructor() {
    afterNextRender(() => {
      this.loadChart().then(
        (chartClass) => this.chartClass.set(chartClass),
        () => this.failed.set(true),
      );
    });
    effect(() => {
      const chartClass = this.chartClass();
      const data = this.data();
      this.activeLocale.format();
      if (chartClass) untracked(() => this.draw(chartClass, data));
    });
    inject(DestroyRef).onDestroy(() => this.chart?.destroy());
  }

  private chartLocale(): { locale: string; rtl: boolean } {
    return { locale: intlLocale(this.activeLocale.format()), rtl: this.activeLocale.dir() === 'rtl' };
  }

  private draw(chartClass: ChartClass, data: BarChartData): void {
    const chartData = toChartData(data);
    const { locale, rtl } = this.chartLocale();
    if (this.chart) {
      this.chart.data = chartData;
      if (this.chart.options) Object.assign(this.chart.options, { locale });
      this.chart.update();
      return;
    }
    this.chart = new chartClass(this.canvas().nativeElement, {
      type: 'bar',
      data: chartData,
      options: {
        responsive: true,
        maintainAspectRatio: false,
        // Figures that change under a live refresh should not bounce each time.
        animation: false,
        // Figures in the user's language and digits; legend and tooltips right to left in Arabic.
        locale,
        plugins: { legend: { position: 'bottom', rtl }, tooltip: { rtl } },
        scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
      },
    });
  }
}

export function toChartData(data: BarChartData): ChartConfiguration<'bar'>['data'] {
  return {
    labels: [...data.labels],
    datasets: data.series.map((series) => ({ label: series.label, data: [...series.values], backgroundColor: series.color })),
  };
}
