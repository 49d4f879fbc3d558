import { ApplicationRef } from '@angular/core';

/** At most this long, work that can wait for the first screen waits for it. */
export const FIRST_SCREEN_SETTLE_MS = 10_000;

/**
 * Once the first screen has what it needs (no pending task: its code, its requests), or after
 * `FIRST_SCREEN_SETTLE_MS`: for what can wait (the problem codes' words, the field kit's refresh),
 * which on a 400 kbps network would otherwise share the line with that screen.
 */
export function firstScreenSettled(app: ApplicationRef): Promise<void> {
  return Promise.race([app.whenStable(), new Promise<void>((resolve) => setTimeout(resolve, FIRST_SCREEN_SETTLE_MS))]);
}
