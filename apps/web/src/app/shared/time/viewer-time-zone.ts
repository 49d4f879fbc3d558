import { InjectionToken } from '@angular/core';

/**
 * The viewer's own IANA zone, as the browser reports it. A token, so specs can fix it. A file of its own,
 * free of the time-zone library, so the sign-in page can name a time without downloading it.
 */
export const VIEWER_TIME_ZONE = new InjectionToken<string>('VIEWER_TIME_ZONE', {
  providedIn: 'root',
  factory: () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC',
});
