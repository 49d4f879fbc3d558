import { BreakpointObserver } from '@angular/cdk/layout';
import { inject, Signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { map } from 'rxjs';

/**
 * Phone widths (Material's "handset" breakpoint): below this the navigation opens over the page
 * from the menu button, and lists show cards instead of tables.
 */
export const NARROW_LAYOUT_QUERY = '(max-width: 599.98px)';

/** Whether the screen is phone-wide now, following rotations and resizes. Call in an injection context. */
export function injectNarrowLayout(): Signal<boolean> {
  return toSignal(
    inject(BreakpointObserver)
      .observe(NARROW_LAYOUT_QUERY)
      .pipe(map((state) => state.matches)),
    { initialValue: false },
  );
}
