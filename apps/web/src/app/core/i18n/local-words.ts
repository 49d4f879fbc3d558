import { FormatLocale } from './intl-format';
import { MessageParams } from './icu-message';

/**
 * What a pure function needs to say something in the user's language: the locale its numbers
 * and dates are formatted in, and the translations (`t('time.in', { duration })`). Components get
 * one from `LanguageService.words()` (reactive inside `computed()`); specs from `wordsFor('ar')`.
 */
export interface LocalWords {
  readonly locale: FormatLocale;
  t(key: string, params?: MessageParams): string;
}
