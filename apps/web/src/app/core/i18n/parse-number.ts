import { Language } from '@relief-ledger/domain';

/**
 * Digits people type, whatever their keyboard: Arabic-Indic (٠–٩, U+0660) and Eastern
 * Arabic-Indic as on Persian and Urdu keyboards (۰–۹, U+06F0), turned into ASCII.
 */
export function toAsciiDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06f0-\u06f9]/g, (digit) => String(digit.charCodeAt(0) & 0xf));
}

/**
 * A number typed into a field, stored with ASCII digits: "١٢٠" is 120, "1,200" and "١٬٢٠٠" are
 * 1200, "2٫5" is 2.5; in Turkish "1.200" is 1200 and "2,5" is 2.5. Null for an empty field; NaN
 * for anything that is not a number, so that the field's validators say so.
 */
export function parseTypedNumber(text: string | null | undefined, lang: Language = 'en'): number | null {
  const [group, decimal] = lang === 'tr' ? ['.', ','] : [',', '.'];
  const plain = toAsciiDigits(text ?? '')
    .replace(/[\s\u00a0\u202f\u200e\u200f\u061c]/g, '')
    // Arabic decimal and thousands separators (U+066B, U+066C) are the same in every language.
    .replace(/\u066b/g, decimal)
    .replace(/\u066c/g, group)
    .replace(/[\u2212\u2012\u2013]/g, '-');
  if (plain === '') return null;
  const grouped = new RegExp(`^-?\\d{1,3}(\\${group}\\d{3})+(\\${decimal}\\d+)?$`);
  const withoutGroups = grouped.test(plain) ? plain.split(group).join('') : plain;
  const ascii = withoutGroups.replace(decimal, '.');
  return /^-?(\d+(\.\d+)?|\.\d+)$/.test(ascii) ? Number(ascii) : Number.NaN;
}
