/** The languages of the interface and of report headers: English (the source), Arabic, Turkish. */
export const LANGUAGES = ['en', 'ar', 'tr'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Written right to left. */
export const RTL_LANGUAGES: readonly Language[] = ['ar'];

/** Digits numbers are shown in: Latin (0–9) by default in every language, Arabic-Indic (٠–٩) by choice. */
export const DIGIT_SYSTEMS = ['latn', 'arab'] as const;
export type DigitSystem = (typeof DIGIT_SYSTEMS)[number];

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/**
 * The first of the browser's preferred languages (`navigator.languages`, or an Accept-Language
 * header's tags in order) that the app speaks: `ar-SY` is Arabic. English when none is.
 */
export function preferredLanguage(tags: readonly string[]): Language {
  for (const tag of tags) {
    const base = tag.trim().toLowerCase().split(/[-_;]/)[0];
    if (isLanguage(base)) return base;
  }
  return 'en';
}
