import { ItemResponse, Language, MovementKind, StockLevelResponse } from '@relief-ledger/domain';

import { localName } from '../shared/lookups/local-name';

/**
 * Translation keys of the ledger's movements, said as what happened to the stock ("Received",
 * "Stock count"); the common `movementKind.*` names the kinds as such ("Receipt", "Adjustment").
 */
export const LEDGER_KIND_KEYS: Readonly<Record<MovementKind, string>> = {
  receipt: 'stock.ledger.kind.receipt',
  transfer_out: 'stock.ledger.kind.transfer_out',
  transfer_in: 'stock.ledger.kind.transfer_in',
  distribution: 'stock.ledger.kind.distribution',
  loss: 'stock.ledger.kind.loss',
  adjustment: 'stock.ledger.kind.adjustment',
  reversal: 'stock.ledger.kind.reversal',
};

/** A stock level's item in the reader's language: its Arabic name from the catalogue for Arabic. */
export function levelItemName(level: Pick<StockLevelResponse, 'itemId' | 'itemName'>, items: readonly ItemResponse[] | undefined, lang: Language): string {
  const item = items?.find((candidate) => candidate.id === level.itemId);
  return item ? localName(item, lang) : level.itemName;
}

/**
 * Whether a figure is followed by the catalogue's unit ("480 tent"). The units are English words
 * typed into the catalogue, with no plural or translation to give: Arabic and Turkish show the
 * item's name and the figure, as `describeQuantity` does.
 */
export function showsUnits(lang: Language): boolean {
  return lang === 'en';
}
