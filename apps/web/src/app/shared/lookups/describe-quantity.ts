import { ItemResponse } from '@relief-ledger/domain';

import { formatNumber } from '../../core/i18n/intl-format';
import { LocalWords } from '../../core/i18n/local-words';

/**
 * A quantity of an item as a sentence says it. In English: "20 family tents", "1 family food
 * parcel", "300 litres of water" (where the item's name ends in its unit the name is counted;
 * otherwise the unit is, "of" the item; English plurals only, which is all the catalogue needs).
 * In Arabic and Turkish, whose plurals of a free-text unit cannot be made up: the item's name
 * (its Arabic name in Arabic) and the figure, "خيمة عائلية: 20".
 */
export function describeQuantity(
  { quantity, item }: { quantity: number; item: Pick<ItemResponse, 'nameEn' | 'unit'> & { nameAr?: string } },
  words: LocalWords,
): string {
  const figure = formatNumber(quantity, words.locale);
  if (words.locale.lang !== 'en') {
    const name = words.locale.lang === 'ar' && item.nameAr ? item.nameAr : item.nameEn;
    return words.t('quantity.ofItem', { quantity: figure, item: name });
  }
  const name = item.nameEn.trim().toLowerCase();
  const unit = item.unit.trim().toLowerCase();
  const counted = quantity === 1 ? (word: string) => word : pluralOf;
  if (COUNTED_BY_NAME.includes(unit) || name === unit || name.endsWith(` ${unit}`)) return `${figure} ${counted(name)}`;
  return `${figure} ${counted(unit)} of ${name}`;
}

// Units that only say "one of them": "40 blankets" reads better than "40 pieces of blanket".
const COUNTED_BY_NAME: readonly string[] = ['', 'piece', 'unit', 'item', 'each'];

/** The plural of the last word of `words`. */
function pluralOf(words: string): string {
  if (/(s|x|z|ch|sh)$/.test(words)) return `${words}es`;
  if (/[^aeiou]y$/.test(words)) return `${words.slice(0, -1)}ies`;
  return `${words}s`;
}
