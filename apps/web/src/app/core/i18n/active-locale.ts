import { computed, Injectable, signal } from '@angular/core';
import { DigitSystem, Language, RTL_LANGUAGES } from '@relief-ledger/domain';

import { FormatLocale } from './intl-format';

/**
 * The language and digits the screens show now, as signals: what every formatting function and
 * translated message reads. Only `LanguageService` sets them, once the language's translations
 * have loaded, so a screen never renders a language whose words are not there yet.
 */
@Injectable({ providedIn: 'root' })
export class ActiveLocale {
  readonly lang = signal<Language>('en');
  readonly digits = signal<DigitSystem>('latn');
  readonly dir = computed(() => (RTL_LANGUAGES.includes(this.lang()) ? 'rtl' : 'ltr'));
  readonly format = computed<FormatLocale>(() => ({ lang: this.lang(), digits: this.digits() }));
}
