import { EnvironmentProviders, inject, provideEnvironmentInitializer, Provider } from '@angular/core';
import { provideTransloco, provideTranslocoTranspiler, Translation, TranslocoService } from '@jsverse/transloco';
import { DigitSystem, Language } from '@relief-ledger/domain';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { ActiveLocale } from '../active-locale';
import { formatMessage, MessageParams } from '../icu-message';
import { IcuTranspiler } from '../icu-transpiler';
import { LocalWords } from '../local-words';
import { COMMON_SCOPE } from '../translation-loader';

/** `apps/web/public/i18n`: the translation files as the app serves them. */
export const TRANSLATIONS_DIR = join(__dirname, '../../../../../public/i18n');

/** The scopes there are (folders of `public/i18n`), `common` first. */
export function translationScopes(): string[] {
  const scopes = readdirSync(TRANSLATIONS_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  return [COMMON_SCOPE, ...scopes.filter((scope) => scope !== COMMON_SCOPE)];
}

/** One translation file, as written. */
export function readTranslationFile(scope: string, lang: Language): Translation {
  return JSON.parse(readFileSync(join(TRANSLATIONS_DIR, scope, `${lang}.json`), 'utf8')) as Translation;
}

/** Nested keys joined with dots, as Transloco flattens them: `{ a: { b: 'x' } }` is `a.b`. */
export function flattenTranslation(translation: Translation, prefix = ''): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [key, value] of Object.entries(translation)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') flat[path] = value;
    else if (value && typeof value === 'object') Object.assign(flat, flattenTranslation(value as Translation, path));
    else flat[path] = String(value);
  }
  return flat;
}

/** Every translation of a language, the common ones without prefix and each scope's under its name, as the app sees them. */
const cache = new Map<Language, Record<string, string>>();

export function allTranslations(lang: Language): Record<string, string> {
  const cached = cache.get(lang);
  if (cached) return cached;
  const all: Record<string, string> = {};
  for (const scope of translationScopes()) {
    Object.assign(all, flattenTranslation(readTranslationFile(scope, lang), scope === COMMON_SCOPE ? '' : scope));
  }
  cache.set(lang, all);
  return all;
}

/** What pure functions need to speak a language, from the real files: `describeWallClock(at, wordsFor('ar'))`. */
export function wordsFor(lang: Language, digits: DigitSystem = 'latn'): LocalWords {
  const translations = allTranslations(lang);
  const locale = { lang, digits };
  return {
    locale,
    t: (key: string, params?: MessageParams) => {
      const message = translations[key];
      return message === undefined ? key : formatMessage(message, params ?? {}, locale);
    },
  };
}

/**
 * Transloco for TestBed with every translation file of `lang` in place at once, from disk: what
 * the app shows after its files have loaded, without HTTP. jest-setup.ts provides English to every
 * spec; a spec of another language provides this again with its language.
 */
export function provideTestTranslations(lang: Language = 'en', digits: DigitSystem = 'latn'): (Provider | EnvironmentProviders)[] {
  return [
    provideTransloco({ config: { availableLangs: ['en', 'ar', 'tr'], defaultLang: lang, reRenderOnLangChange: true, prodMode: true, scopes: { keepCasing: true } } }),
    provideTranslocoTranspiler(IcuTranspiler),
    provideEnvironmentInitializer(() => {
      const transloco = inject(TranslocoService);
      for (const language of ['en', 'ar', 'tr'] as const) {
        transloco.setTranslation(allTranslations(language), language, { emitChange: false });
      }
      transloco.setActiveLang(lang);
      const locale = inject(ActiveLocale);
      locale.lang.set(lang);
      locale.digits.set(digits);
    }),
  ];
}
