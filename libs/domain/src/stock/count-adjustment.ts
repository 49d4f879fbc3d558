/**
 * What a stock count writes into the ledger: the counted quantity less the level, an adjustment
 * that can be negative (goods missing from the shelves) or positive (found). Zero writes nothing:
 * the API refuses it (`stock.count_matches`) and the web form says so before sending. One rule, so
 * the difference the form shows is the one the ledger records.
 */
export function countAdjustment({ level, counted }: { level: number; counted: number }): number {
  if (!Number.isSafeInteger(level) || level < 0 || !Number.isSafeInteger(counted) || counted < 0) throw new RangeError('level and count must be whole numbers, not negative');
  return counted - level;
}
