import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';

import { ScrollRegion } from './scroll-region';

@Component({
  imports: [ScrollRegion],
  template: `<div class="rl-table-wrap"><table><tr><td>A wide table</td></tr></table></div>`,
})
class Host {}

describe('ScrollRegion', () => {
  function render(scrollWidth: number, clientWidth: number): HTMLElement {
    const fixture = TestBed.createComponent(Host);
    const box: HTMLElement = fixture.nativeElement.querySelector('.rl-table-wrap');
    Object.defineProperty(box, 'scrollWidth', { configurable: true, get: () => scrollWidth });
    Object.defineProperty(box, 'clientWidth', { configurable: true, get: () => clientWidth });
    fixture.detectChanges();
    TestBed.tick();
    fixture.detectChanges();
    return box;
  }

  it('is a Tab stop while its table is wider than the box, so the hidden columns can be reached by keyboard', () => {
    expect(render(900, 360).getAttribute('tabindex')).toBe('0');
  });

  it('adds no Tab stop when the table fits', () => {
    expect(render(360, 360).hasAttribute('tabindex')).toBe(false);
  });
});
