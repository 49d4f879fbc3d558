import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { FormControl } from '@angular/forms';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';

import { OffsetChoice, repeatedHourOffsets } from './offset-choice';

describe('repeatedHourOffsets', () => {
  const sut = repeatedHourOffsets;

  it('reads the offsets of a time that happened twice, first reading first', () => {
    const error = { code: 'time.ambiguous', params: { date: '2019-10-24', time: '23:30', zone: 'Asia/Damascus', offsets: '+03:00 or +02:00' } };

    expect(sut(error)).toEqual(['+03:00', '+02:00']);
  });

  it('offers nothing for a time that never happened', () => {
    expect(sut({ code: 'time.nonexistent', params: { date: '2019-03-29', time: '00:30', zone: 'Asia/Damascus' } })).toBeUndefined();
  });

  it('offers nothing for another reason that names offsets', () => {
    expect(sut({ code: 'time.wrong_offset', params: { zone: 'Asia/Damascus', offset: '+05:00', offsets: '+03:00 or +02:00' } })).toBeUndefined();
  });

  it('offers nothing for a reason without a code (an older server)', () => {
    expect(sut({})).toBeUndefined();
  });
});

@Component({
  imports: [OffsetChoice],
  template: `<rl-offset-choice [offsets]="offsets" time="23:30" [control]="control" />`,
})
class Host {
  readonly offsets = ['+03:00', '+02:00'];
  readonly control = new FormControl('', { nonNullable: true });
}

describe('OffsetChoice', () => {
  it('offers each reading in order and sets the control to the one picked', async () => {
    TestBed.configureTestingModule({ providers: [{ provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } }] });
    const fixture = TestBed.createComponent(Host);
    await fixture.whenStable();
    const sut = fixture.nativeElement as HTMLElement;

    const labels = Array.from(sut.querySelectorAll('mat-radio-button')).map((radio) => radio.textContent?.trim());
    expect(labels).toEqual([
      'The first 23:30 (UTC+03:00), before the clocks went back',
      'The second 23:30 (UTC+02:00), after the clocks went back',
    ]);
    sut.querySelectorAll<HTMLInputElement>('input[type="radio"]')[1].click();
    expect(fixture.componentInstance.control.value).toBe('+02:00');
  });
});
