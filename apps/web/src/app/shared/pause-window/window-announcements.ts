import { DestroyRef, effect, inject, Signal } from '@angular/core';
import { LiveAnnouncer } from '@angular/cdk/a11y';

import { LanguageService } from '../../core/i18n/language.service';
import { Clock } from '../time/clock';

/**
 * Minutes before a window's end at which a screen reader is told, once each. The countdowns on
 * screen change every second and are not live regions (a reader would hear nothing else); these
 * few moments are the ones a person on the road plans around.
 */
export const ANNOUNCE_MINUTES_BEFORE_END: readonly number[] = [30, 15, 5, 0];

/**
 * The announcement due between two ticks of the clock, if any: the most urgent threshold the
 * window's end came within since the previous tick (a phone that slept past several says only
 * the latest). Nothing on the first tick: the page itself says where the countdown stands.
 */
export function announcementDue({ endsAt, previous, now }: { endsAt: number; previous: number | undefined; now: number }): number | undefined {
  if (previous === undefined) return undefined;
  let due: number | undefined;
  for (const minutes of ANNOUNCE_MINUTES_BEFORE_END) {
    const at = endsAt - minutes * 60_000;
    if (previous < at && now >= at) due = due === undefined ? minutes : Math.min(due, minutes);
  }
  return due;
}

export interface AnnouncedWindow {
  id: string;
  /** Who announced it, or its routes: how a person recognises it. */
  name: string;
  endsAt: string;
}

/**
 * Tells a screen reader, politely, when a window shown on this page comes within 30, 15 and 5
 * minutes of its end and when it ends. Call it in a component's field initialiser.
 */
export function announceWindowEnds(windows: Signal<readonly AnnouncedWindow[]>): void {
  const clock = inject(Clock);
  const announcer = inject(LiveAnnouncer);
  const language = inject(LanguageService);
  let previous: number | undefined;
  const watcher = effect(() => {
    const now = clock.now().getTime();
    for (const window of windows()) {
      const minutes = announcementDue({ endsAt: Date.parse(window.endsAt), previous, now });
      if (minutes === undefined) continue;
      const message = minutes === 0 ? language.t('window.announce.ended', { name: window.name }) : language.t('window.announce.endsIn', { name: window.name, minutes });
      void announcer.announce(message, 'polite');
    }
    previous = now;
  });
  inject(DestroyRef).onDestroy(() => watcher.destroy());
}

/** A window as the announcements name it: by its routes when it has some, else by who announced it. */
export function windowToAnnounce(window: {
  id: string;
  announcedBy: string;
  endsAt: string;
  status?: string;
  routes: readonly { name: string }[];
}): AnnouncedWindow {
  const name = window.routes.length > 0 ? window.routes.map((route) => route.name).join(', ') : window.announcedBy;
  return { id: window.id, name, endsAt: window.endsAt };
}
