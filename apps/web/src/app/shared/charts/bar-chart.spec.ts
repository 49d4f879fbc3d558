import type { ChartConfiguration } from 'chart.js';
import { TestBed } from '@angular/core/testing';

import { BarChart, BarChartData, ChartClass, LOAD_CHART } from './bar-chart';

class FakeChart {
  static made: FakeChart[] = [];
  updates = 0;
  destroyed = false;
  data: ChartConfiguration<'bar'>['data'];

  constructor(
    readonly canvas: HTMLCanvasElement,
    readonly config: ChartConfiguration<'bar'>,
  ) {
    this.data = config.data;
    FakeChart.made.push(this);
  }

  update(): void {
    this.updates += 1;
  }

  destroy(): void {
    this.destroyed = true;
  }
}

const WEEKS: BarChartData = {
  labels: ['Mon', 'Tue'],
  series: [
    { label: 'Last week', values: [400, 500], color: '#9fb3c8' },
    { label: 'This week', values: [1_240, 0], color: '#005cbb' },
  ],
};

describe('BarChart', () => {
  let load: jest.Mock<Promise<ChartClass>, []>;

  beforeEach(() => {
    FakeChart.made = [];
    load = jest.fn(() => Promise.resolve(FakeChart as unknown as ChartClass));
    TestBed.configureTestingModule({ providers: [{ provide: LOAD_CHART, useValue: load }] });
  });

  async function render(data = WEEKS) {
    const fixture = TestBed.createComponent(BarChart);
    fixture.componentRef.setInput('data', data);
    fixture.componentRef.setInput('summary', 'This week 1,240 people reached; last week 900 people.');
    await fixture.whenStable();
    await Promise.resolve();
    await fixture.whenStable();
    return fixture;
  }

  it('says the figures in words, for screen readers, and hides the canvas from them', async () => {
    const fixture = await render();
    const sut = fixture.nativeElement as HTMLElement;

    expect(sut.querySelector('figcaption')?.textContent).toBe('This week 1,240 people reached; last week 900 people.');
    expect(sut.querySelector('canvas')?.getAttribute('aria-hidden')).toBe('true');
  });

  it('loads Chart.js once rendered and draws the series as bars', async () => {
    const fixture = await render();

    expect(load).toHaveBeenCalledTimes(1);
    const [chart] = FakeChart.made;
    expect(chart.canvas).toBe((fixture.nativeElement as HTMLElement).querySelector('canvas'));
    expect(chart.config.type).toBe('bar');
    expect(chart.data).toEqual({
      labels: ['Mon', 'Tue'],
      datasets: [
        { label: 'Last week', data: [400, 500], backgroundColor: '#9fb3c8' },
        { label: 'This week', data: [1_240, 0], backgroundColor: '#005cbb' },
      ],
    });
  });

  it('updates the same chart when the figures change, and destroys it with the view', async () => {
    const fixture = await render();

    fixture.componentRef.setInput('data', { ...WEEKS, labels: ['Mon', 'Tuesday'] });
    await fixture.whenStable();
    fixture.destroy();

    expect(FakeChart.made).toHaveLength(1);
    expect(FakeChart.made[0].updates).toBe(1);
    expect(FakeChart.made[0].data.labels).toEqual(['Mon', 'Tuesday']);
    expect(FakeChart.made[0].destroyed).toBe(true);
  });

  it('says so when Chart.js could not be loaded, keeping the figures in words', async () => {
    load.mockImplementation(() => Promise.reject(new Error('offline')));

    const fixture = await render();

    expect((fixture.nativeElement as HTMLElement).textContent).toContain('The chart could not be loaded');
    expect((fixture.nativeElement as HTMLElement).querySelector('figcaption')?.textContent).toContain('1,240');
  });
});
