import { DestroyRef, inject, Injectable, Signal, signal } from '@angular/core';

export const CLOCK_TICK_MS = 1000;

/**
 * The time now, as a signal that moves on every second. Countdowns and "overdue" marks read it, so
 * they follow the clock without a reload. Specs provide their own, with a fixed time.
 */
@Injectable({ providedIn: 'root' })
export class Clock {
  private readonly current = signal(new Date());
  readonly now: Signal<Date> = this.current.asReadonly();

  constructor() {
    const timer = setInterval(() => this.current.set(new Date()), CLOCK_TICK_MS);
    inject(DestroyRef).onDestroy(() => clearInterval(timer));
  }
}
