import { Language } from '@relief-ledger/domain';

/**
 * A record's name in the reader's language where it has one: the Arabic name of a camp, item or
 * place for Arabic, else the English (Turkish has none of its own). An empty Arabic name falls back.
 */
export function localName({ nameEn, nameAr }: { nameEn: string; nameAr?: string | null }, lang: Language): string {
  return lang === 'ar' && nameAr?.trim() ? nameAr : nameEn;
}
