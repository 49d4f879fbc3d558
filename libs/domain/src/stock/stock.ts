export const ITEM_KINDS = ['food', 'shelter', 'non_food', 'water', 'hygiene', 'health'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

export const STOCK_POINT_KINDS = ['warehouse', 'camp_store'] as const;
export type StockPointKind = (typeof STOCK_POINT_KINDS)[number];

/**
 * Every change of a stock level is one of these movements, and only these. A mistake is never
 * edited away: a `reversal` points at the movement it undoes.
 */
export const MOVEMENT_KINDS = ['receipt', 'transfer_out', 'transfer_in', 'distribution', 'loss', 'adjustment', 'reversal'] as const;
export type MovementKind = (typeof MOVEMENT_KINDS)[number];

export const LOSS_CAUSES = ['destroyed', 'looted', 'spoiled', 'missing'] as const;
export type LossCause = (typeof LOSS_CAUSES)[number];

/** Which way a movement of each kind moves the level; adjustments and reversals carry their own sign. */
export const MOVEMENT_SIGN: Readonly<Record<MovementKind, 1 | -1 | 0>> = {
  receipt: 1,
  transfer_in: 1,
  transfer_out: -1,
  distribution: -1,
  loss: -1,
  adjustment: 0,
  reversal: 0,
};
