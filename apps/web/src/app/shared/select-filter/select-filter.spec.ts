import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';

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
  it('offers "all" first, then each option, and says which was chosen', async () => {
    TestBed.configureTestingModule({ providers: [{ provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } }] });
    const fixture = TestBed.createComponent(Host);
    await fixture.whenStable();
    const sut = fixture.nativeElement as HTMLElement;

    expect(sut.querySelector('.mat-mdc-select-value')?.textContent?.trim()).toBe('On the road');
    sut.querySelector<HTMLElement>('.mat-mdc-select-trigger')!.click();
    await fixture.whenStable();
    const options = Array.from(document.querySelectorAll<HTMLElement>('mat-option'));
    expect(options.map((option) => option.textContent?.trim())).toEqual(['All statuses', 'Planned', 'On the road']);
    options[0].click();

    expect(fixture.componentInstance.chosen).toEqual(['']);
  });
});

describe('routeFilterOptions', () => {
  it('offers the routes by name, none before they load', () => {
    expect(routeFilterOptions([{ id: 'r-1', name: 'M5 north' }])).toEqual([{ value: 'r-1', label: 'M5 north' }]);
    expect(routeFilterOptions(undefined)).toEqual([]);
  });
});
