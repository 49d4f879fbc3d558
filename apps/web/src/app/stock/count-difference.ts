import { countAdjustment, ItemResponse } from '@relief-ledger/domain';

import { formatNumber } from '../core/i18n/intl-format';
import { LocalWords } from '../core/i18n/local-words';
import { describeQuantity } from '../shared/lookups/describe-quantity';

/**
 * What a stock count will write, shown before it is saved: the API's own rule (libs/domain).
 * Undefined while nothing usable has been typed.
 */
export function countDifference({ level, counted }: { level: number; counted: number | null | undefined }): number | undefined {
  if (counted === null || counted === undefined || !Number.isSafeInteger(counted) || counted < 0) return undefined;
  return countAdjustment({ level, counted });
}

/**
 * A signed figure as the ledger shows it, "+20" or "−20" (a true minus sign), kept left to right
 * inside Arabic text by Unicode isolates so the sign stays before the figure.
 */
export function signedFigure(delta: number, words: LocalWords): string {
  const figure = formatNumber(Math.abs(delta), words.locale);
  const sign = delta > 0 ? '+' : delta < 0 ? '\u2212' : '';
  return `\u2066${sign}${figure}\u2069`;
}

/**
 * "Counted 20 family food parcels fewer than the ledger holds: it will record an adjustment of
 * −20", or that nothing will be recorded when the count matches (the API refuses an adjustment of nothing).
 */
export function describeCountDifference({ delta, item }: { delta: number; item: Pick<ItemResponse, 'nameEn' | 'unit'> & { nameAr?: string } }, words: LocalWords): string {
  if (delta === 0) return words.t('stock.count.matches');
  // Arabic and Turkish cannot count a free-text English unit: the figure alone, the item is named in the form.
  const quantity = words.locale.lang === 'en' ? describeQuantity({ quantity: Math.abs(delta), item }, words) : formatNumber(Math.abs(delta), words.locale);
  return words.t('stock.count.difference', { quantity, direction: delta < 0 ? 'fewer' : 'more', signed: signedFigure(delta, words) });
}
