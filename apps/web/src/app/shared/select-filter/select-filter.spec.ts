import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';

import { filterOptions, routeFilterOptions, SelectFilter } from './select-filter';

@Component({
  imports: [SelectFilter],
  template: `<rl-select-filter label="Status" allLabel="All statuses" [options]="options" [value]="value()" (changed)="chosen.push($event)" />`,
})
class Host {
  readonly options = filterOptions(['planned', 'departed'], { planned: 'Planned', departed: 'On the road' });
  readonly value = signal<string | undefined>('departed');
  readonly chosen: string[] = [];
}

describe('SelectFilter', () => {
  it('offers "all" first, then each option, says which was chosen, and is named by its label', async () => {
    const fixture = TestBed.createComponent(Host);
    await fixture.whenStable();
    const sut = fixture.nativeElement as HTMLElement;
    const select = sut.querySelector('select')!;

    expect(Array.from(select.options).map((option) => option.textContent?.trim())).toEqual(['All statuses', 'Planned', 'On the road']);
    expect(select.selectedOptions[0].textContent?.trim()).toBe('On the road');
    expect(sut.querySelector(`label[for="${select.id}"]`)?.textContent?.trim()).toBe('Status');

    select.value = '';
    select.dispatchEvent(new Event('change'));
    select.value = 'planned';
    select.dispatchEvent(new Event('change'));
    expect(fixture.componentInstance.chosen).toEqual(['', 'planned']);

    // A value set from outside (the address) is shown.
    fixture.componentInstance.value.set(undefined);
    await fixture.whenStable();
    expect(select.selectedOptions[0].textContent?.trim()).toBe('All statuses');
  });

  it('gives each filter on a page its own label', async () => {
    const first = TestBed.createComponent(Host);
    const second = TestBed.createComponent(Host);
    await Promise.all([first.whenStable(), second.whenStable()]);
    expect((first.nativeElement as HTMLElement).querySelector('select')!.id).not.toBe((second.nativeElement as HTMLElement).querySelector('select')!.id);
  });
});

describe('routeFilterOptions', () => {
  it('offers the routes by name, none before they load', () => {
    expect(routeFilterOptions([{ id: 'r-1', name: 'M5 north' }])).toEqual([{ value: 'r-1', label: 'M5 north' }]);
    expect(routeFilterOptions(undefined)).toEqual([]);
  });
});
