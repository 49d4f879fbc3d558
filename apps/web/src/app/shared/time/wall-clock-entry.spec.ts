import { FormControl, FormGroup } from '@angular/forms';

import { resolveEntry, WallClockEntry, wallClockEntryValidator } from './wall-clock-entry';

describe('resolveEntry', () => {
  const sut = resolveEntry;

  it('reads 15:30 on 23 December 2019 in Damascus as 13:30 UTC', () => {
    expect(sut({ date: '2019-12-23', time: '15:30', offset: '' }, 'Asia/Damascus')).toEqual({
      kind: 'exact',
      instant: '2019-12-23T13:30:00.000Z',
      offset: '+02:00',
    });
  });

  it('waits until both date and time are there', () => {
    expect(sut({ date: '2019-12-23', time: '', offset: '' }, 'Asia/Damascus')).toBeUndefined();
  });
});

describe('wallClockEntryValidator', () => {
  function formWith(entry: WallClockEntry) {
    const sut = wallClockEntryValidator((control) => {
      const parent = control.parent;
      return parent ? { entry: parent.getRawValue() as WallClockEntry, zone: 'Asia/Damascus' } : undefined;
    });
    return new FormGroup({ date: new FormControl(entry.date), time: new FormControl(entry.time, sut), offset: new FormControl(entry.offset) });
  }

  it('asks which of two readings was meant the night the clocks went back', () => {
    // Damascus left summer time at midnight going into Friday 25 October 2019: 23:30 on the 24th happened twice.
    const form = formWith({ date: '2019-10-24', time: '23:30', offset: '' });
    form.controls.time.updateValueAndValidity();

    expect(form.controls.time.errors).toEqual({ repeatedHour: ['+03:00', '+02:00'] });
  });

  it('is satisfied once the offset is chosen', () => {
    const form = formWith({ date: '2019-10-24', time: '23:30', offset: '+02:00' });
    form.controls.time.updateValueAndValidity();

    expect(form.controls.time.errors).toBeNull();
  });

  it('refuses a time the clocks jumped over', () => {
    // Summer time began at midnight going into Friday 29 March 2019.
    const form = formWith({ date: '2019-03-29', time: '00:30', offset: '' });
    form.controls.time.updateValueAndValidity();

    expect(form.controls.time.errors?.['wallClock']).toEqual({
      code: 'time.nonexistent',
      params: { date: '2019-03-29', time: '00:30', zone: 'Asia/Damascus' },
      message: expect.stringContaining('does not exist') as string,
    });
  });
});
