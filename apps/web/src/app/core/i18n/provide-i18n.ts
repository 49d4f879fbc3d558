import { EnvironmentProviders, inject, isDevMode, provideAppInitializer, Provider } from '@angular/core';
import { TitleStrategy } from '@angular/router';
import { provideTransloco, provideTranslocoTranspiler } from '@jsverse/transloco';
import { LANGUAGES } from '@relief-ledger/domain';

import { FIRST_SCREEN } from '../first-screen/first-screen';
import { IcuTranspiler } from './icu-transpiler';
import { LanguageService } from './language.service';
import { TranslatedTitleStrategy } from './translated-title-strategy';
import { TranslationLoader } from './translation-loader';

/**
 * The translation layer: Transloco with files loaded over HTTP for the chosen language only, ICU
 * messages and route titles in that language, and the first screen held
 * until its words have arrived (see `LanguageService.start`).
 */
export function provideI18n(): (Provider | EnvironmentProviders)[] {
  return [
    provideTransloco({
      config: {
        availableLangs: [...LANGUAGES],
        defaultLang: 'en',
        reRenderOnLangChange: true,
        prodMode: !isDevMode(),
        missingHandler: { logMissingKey: isDevMode(), useFallbackTranslation: false },
        // Keys carry the feature folder's name as it is: `pause-windows.title`.
        scopes: { keepCasing: true },
      },
      loader: TranslationLoader,
    }),
    provideTranslocoTranspiler(IcuTranspiler),
    { provide: TitleStrategy, useClass: TranslatedTitleStrategy },
    // The first screen's own words come with the common ones (core/first-screen).
    provideAppInitializer(() => inject(LanguageService).start(inject(FIRST_SCREEN).scopes)),
  ];
}
