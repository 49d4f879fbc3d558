import { provideHttpClient, withFetch } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { FormControl } from '@angular/forms';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';

import { DONOR_FIELD_DEBOUNCE_MS, DonorField } from './donor-field';

@Component({
  imports: [DonorField],
  template: `<rl-donor-field [control]="control" hint="Who funded it" />`,
})
class Host {
  readonly control = new FormControl('', { nonNullable: true });
}

describe('DonorField', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    jest.useFakeTimers({ doNotFake: ['queueMicrotask', 'requestAnimationFrame'] });
    TestBed.configureTestingModule({
      providers: [provideHttpClient(withFetch()), provideHttpClientTesting(), { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } }],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    http.verify();
    jest.useRealTimers();
  });

  it('suggests the donors used before that match what is typed, and takes the one chosen', async () => {
    const fixture = TestBed.createComponent(Host);
    fixture.detectChanges();
    jest.advanceTimersByTime(DONOR_FIELD_DEBOUNCE_MS);
    http.expectOne('/api/v1/stock/donors').flush(['ECHO', 'UNHCR']);

    const input = (fixture.nativeElement as HTMLElement).querySelector('input')!;
    input.value = 'ech';
    input.dispatchEvent(new Event('input'));
    jest.advanceTimersByTime(DONOR_FIELD_DEBOUNCE_MS);
    http.expectOne('/api/v1/stock/donors?q=ech').flush(['ECHO']);
    input.dispatchEvent(new Event('focusin'));
    fixture.detectChanges();

    const options = Array.from(document.querySelectorAll('mat-option'));
    expect(options.map((option) => option.textContent?.trim())).toEqual(['ECHO']);
    (options[0] as HTMLElement).click();
    expect(fixture.componentInstance.control.value).toBe('ECHO');
  });

  it('stays a plain text field when the suggestions cannot load', () => {
    const fixture = TestBed.createComponent(Host);
    fixture.detectChanges();
    jest.advanceTimersByTime(DONOR_FIELD_DEBOUNCE_MS);

    http.expectOne('/api/v1/stock/donors').error(new ProgressEvent('error'));
    fixture.detectChanges();

    expect((fixture.nativeElement as HTMLElement).querySelector('mat-hint')?.textContent).toBe('Who funded it');
  });
});
