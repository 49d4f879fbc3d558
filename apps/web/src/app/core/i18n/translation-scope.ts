import { inject } from '@angular/core';
import { CanActivateFn } from '@angular/router';

import { LanguageService } from './language.service';

const SCOPES = Symbol('translation scopes');

/**
 * A feature's translations (`public/i18n/<scope>/<lang>.json`, keys `<scope>.…`), loaded in the
 * user's language before the feature's first screen shows, and again in each language switched to.
 * On the feature's route in `app.routes.ts`, after its permission guard: `canActivate: [..., translationScope('camps')]`.
 * A feature that shows another's components names both: `translationScope('overview', 'convoys')`.
 */
export function translationScope(...scopes: [string, ...string[]]): CanActivateFn {
  const guard: CanActivateFn = async () => {
    // A file that cannot load (offline) shows its keys rather than blocking the page.
    await inject(LanguageService)
      .loadScope(...scopes)
      .catch(() => undefined);
    return true;
  };
  // Readable before the router runs, so the first screen's words can come with the common ones (core/first-screen).
  return Object.assign(guard, { [SCOPES]: scopes });
}

/** The scopes a route guard made by `translationScope` loads; none for any other guard. */
export function scopesOf(guard: unknown): readonly string[] {
  return (typeof guard === 'function' && (guard as { [SCOPES]?: readonly string[] })[SCOPES]) || [];
}
