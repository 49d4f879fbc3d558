import { Provider, signal, WritableSignal } from '@angular/core';

import { Clock } from '../../shared/time/clock';

/** A clock that stands still at `at` until the spec moves it. */
export function provideFixedClock(at: Date): { provider: Provider; now: WritableSignal<Date> } {
  const now = signal(at);
  return { provider: { provide: Clock, useValue: { now } }, now };
}
