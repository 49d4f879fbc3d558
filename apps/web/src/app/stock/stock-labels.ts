import { LossCause, MovementKind, StockPointKind } from '@relief-ledger/domain';

export const MOVEMENT_KIND_LABELS: Readonly<Record<MovementKind, string>> = {
  receipt: 'Received',
  transfer_out: 'Transferred out',
  transfer_in: 'Transferred in',
  distribution: 'Distributed',
  loss: 'Lost',
  adjustment: 'Stock count',
  reversal: 'Reversal',
};

export const LOSS_CAUSE_LABELS: Readonly<Record<LossCause, string>> = {
  destroyed: 'Destroyed',
  looted: 'Looted',
  spoiled: 'Spoiled',
  missing: 'Missing',
};

export const STOCK_POINT_KIND_LABELS: Readonly<Record<StockPointKind, string>> = {
  warehouse: 'Warehouse',
  camp_store: 'Camp store',
};
