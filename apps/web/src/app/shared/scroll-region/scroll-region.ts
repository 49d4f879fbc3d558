import { afterNextRender, DestroyRef, Directive, ElementRef, inject, signal } from '@angular/core';

/**
 * A box that scrolls sideways (a wide table on a phone, a report's columns) must be reachable by
 * keyboard, or its hidden columns are out of reach without a mouse (WCAG 2.1.1; axe's
 * scrollable-region-focusable). It becomes a Tab stop only while it actually overflows, so a
 * table that fits adds no extra stop.
 */
@Directive({
  selector: '.rl-table-wrap, [rlScrollRegion]',
  host: { '[attr.tabindex]': 'overflowing() ? 0 : null' },
})
export class ScrollRegion {
  protected readonly overflowing = signal(false);

  constructor() {
    const element: HTMLElement = inject(ElementRef).nativeElement;
    const measure = () => this.overflowing.set(element.scrollWidth > element.clientWidth + 1 || element.scrollHeight > element.clientHeight + 1);
    afterNextRender(() => {
      measure();
      if (typeof ResizeObserver === 'undefined') return;
      const observer = new ResizeObserver(measure);
      observer.observe(element);
      // The content changes size as rows arrive: watch it too.
      for (const child of Array.from(element.children)) observer.observe(child);
      const mutations = new MutationObserver(() => {
        for (const child of Array.from(element.children)) observer.observe(child);
        measure();
      });
      mutations.observe(element, { childList: true });
      this.destroy = () => {
        observer.disconnect();
        mutations.disconnect();
      };
    });
    inject(DestroyRef).onDestroy(() => this.destroy());
  }

  private destroy: () => void = () => undefined;
}
