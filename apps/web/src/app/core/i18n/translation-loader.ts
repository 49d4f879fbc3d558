import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { Translation, TranslocoLoader } from '@jsverse/transloco';
import { Observable } from 'rxjs';

/** Where the translation files are served from: `public/i18n/` in the source. */
export const TRANSLATIONS_URL = 'i18n';

/** The shell's, shared components', problem codes', statuses' and units' translations: Transloco's root. */
export const COMMON_SCOPE = 'common';

/**
 * Loads one translation file over HTTP, only for the language in use: `en` (the root, from
 * `i18n/common/en.json`) or `admin/ar` (a feature's scope, from `i18n/admin/ar.json`). The server
 * answers these with `no-cache`, so a new version of the app never meets yesterday's words.
 */
@Injectable({ providedIn: 'root' })
export class TranslationLoader implements TranslocoLoader {
  private readonly http = inject(HttpClient);

  getTranslation(path: string): Observable<Translation> {
    const [scope, lang] = path.includes('/') ? path.split('/') : [COMMON_SCOPE, path];
    return this.http.get<Translation>(`${TRANSLATIONS_URL}/${scope}/${lang}.json`);
  }
}
