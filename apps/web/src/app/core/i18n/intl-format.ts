import { DigitSystem, Language } from '@relief-ledger/domain';

/** What every number, date and time on screen is formatted with: the interface language and the user's digits. */
export interface FormatLocale {
  lang: Language;
  digits: DigitSystem;
}

/**
 * The Intl locale of each interface language. Arabic as written in Syria (its Gregorian months
 * are the Levantine ones, كانون الثاني…), Turkish of Turkey, English as the agencies write it
 * (day before month: "Mon, 23 Dec 2019").
 */
export const INTL_LOCALES: Readonly<Record<Language, string>> = { en: 'en-GB', ar: 'ar-SY', tr: 'tr-TR' };

/**
 * The Intl locale with the Gregorian calendar and the chosen digits fixed by Unicode extension
 * (`ar-SY-u-ca-gregory-nu-latn`): some `ar-*` locales default to another calendar, and Arabic
 * defaults to Arabic-Indic digits where the agencies' reports use Latin ones.
 */
export function intlLocale({ lang, digits }: FormatLocale): string {
  return `${INTL_LOCALES[lang]}-u-ca-gregory-nu-${digits}`;
}

// Intl formatters are costly to make and cheap to use: one per locale and options.
const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function numberFormat(locale: FormatLocale, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  const key = `${intlLocale(locale)}|${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(intlLocale(locale), { numberingSystem: locale.digits, ...options });
    numberFormats.set(key, format);
  }
  return format;
}

function dateFormat(locale: FormatLocale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${intlLocale(locale)}|${JSON.stringify(options)}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(intlLocale(locale), { calendar: 'gregory', numberingSystem: locale.digits, ...options });
    dateFormats.set(key, format);
  }
  return format;
}

/** "12,000" in English, "12.000" in Turkish, "١٢٬٠٠٠" with Arabic-Indic digits. */
export function formatNumber(value: number, locale: FormatLocale, options: Intl.NumberFormatOptions = {}): string {
  return numberFormat(locale, { maximumFractionDigits: 2, ...options }).format(value);
}

const toDate = (instant: string | Date) => (typeof instant === 'string' ? new Date(instant) : instant);

/** The calendar day an instant falls on in `zone`: "Mon, 23 Dec 2019", "الاثنين، 23 كانون الأول 2019", "23 Ara 2019 Pzt". */
export function formatDay(instant: string | Date, zone: string, locale: FormatLocale): string {
  return dateFormat(locale, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: zone }).format(toDate(instant));
}

/** The date of an instant in `zone`, without the weekday: "20 Dec 2019". */
export function formatDate(instant: string | Date, zone: string, locale: FormatLocale): string {
  return dateFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: zone }).format(toDate(instant));
}

/** A calendar date as typed and stored, `2019-12-23`, never shifted by a zone: "23 Dec 2019". */
export function formatCalendarDate(date: string, locale: FormatLocale): string {
  return dateFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
}

/** The wall-clock time in `zone`, 24 hours: "18:00" (or "١٨:٠٠"). */
export function formatTime(instant: string | Date, zone: string, locale: FormatLocale): string {
  return dateFormat(locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: zone }).format(toDate(instant));
}

/** Date and time in `zone`: "23 Dec 2019, 18:00". For lists where the zone is plain from the context (the viewer's own). */
export function formatDateTime(instant: string | Date, zone: string, locale: FormatLocale): string {
  return dateFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: zone }).format(
    toDate(instant),
  );
}

/** A weekday's short name: "Mon", "الاثنين", "Pzt". */
export function formatWeekday(instant: string | Date, zone: string, locale: FormatLocale): string {
  return dateFormat(locale, { weekday: 'short', timeZone: zone }).format(toDate(instant));
}

const ARABIC_INDIC_ZERO = 0x0660;

/** ASCII digits written in the user's digits, for text the app builds itself ("UTC+02:00"); other characters unchanged. */
export function localDigits(text: string, digits: DigitSystem): string {
  if (digits === 'latn') return text;
  return text.replace(/[0-9]/g, (digit) => String.fromCharCode(ARABIC_INDIC_ZERO + Number(digit)));
}
