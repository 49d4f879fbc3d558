import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { FormControl } from '@angular/forms';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { of, throwError } from 'rxjs';

import { aPage } from '../../core/http/testing/page-fixtures';
import { ProblemError } from '../../core/problems/problem-error';
import { LookupsApi } from '../lookups/lookups-api';
import { aLocation } from '../lookups/testing/lookup-fixtures';
import { chosenLocationId, describeLocation, LOCATION_FIELD_DEBOUNCE_MS, LocationField, LocationFieldValue } from './location-field';

@Component({
  imports: [LocationField],
  template: `<rl-location-field [control]="control" label="Location" [levels]="['community']" />`,
})
class Host {
  readonly control = new FormControl<LocationFieldValue>(null);
}

describe('LocationField', () => {
  let listLocations: jest.Mock;

  beforeEach(() => {
    listLocations = jest.fn(() => of(aPage([aLocation(), aLocation({ id: 'loc-dana', level: 'sub_district', nameEn: 'Dana' })])));
    TestBed.configureTestingModule({
      providers: [{ provide: LookupsApi, useValue: { listLocations } }, { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } }],
    });
  });

  async function typeInto(text: string) {
    const fixture = TestBed.createComponent(Host);
    await fixture.whenStable();
    const input = (fixture.nativeElement as HTMLElement).querySelector('input')!;
    input.focus();
    input.value = text;
    input.dispatchEvent(new Event('input'));
    await new Promise((resolve) => setTimeout(resolve, LOCATION_FIELD_DEBOUNCE_MS + 20));
    await fixture.whenStable();
    return fixture;
  }

  function optionTexts(): string[] {
    return Array.from(document.querySelectorAll('mat-option')).map((option) => option.textContent?.replace(/\s+/g, ' ').trim() ?? '');
  }

  it('searches by the typed name and offers the locations of the levels asked for', async () => {
    const fixture = await typeInto('Sarm');

    expect(listLocations).toHaveBeenLastCalledWith({ name: 'Sarm', pageSize: 20 });
    expect(optionTexts()).toEqual(['Sarmada — سرمدا (SY070300)']);
    (document.querySelector('mat-option') as HTMLElement).click();
    expect(fixture.componentInstance.control.value).toEqual(aLocation());
  });

  it('says so in the list when the search failed', async () => {
    listLocations.mockReturnValue(throwError(() => new ProblemError({ type: 'about:blank', title: 'Offline', status: 0 })));

    await typeInto('Sarm');

    expect(optionTexts()).toEqual(['Locations could not be searched: Offline']);
  });
});

describe('describeLocation and chosenLocationId', () => {
  it('name a picked location, and keep typed text as it is', () => {
    expect(describeLocation(aLocation())).toBe('Sarmada (SY070300)');
    expect(describeLocation('Sarm')).toBe('Sarm');
    expect(chosenLocationId(aLocation())).toBe('loc-sarmada');
    expect(chosenLocationId('Sarm')).toBeUndefined();
  });
});
