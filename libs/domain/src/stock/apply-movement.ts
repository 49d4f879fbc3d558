/** Asking for more than a stock point holds. The numbers go to the user: "only 40 tents left". */
export class InsufficientStockError extends Error {
  constructor(
    readonly available: number,
    readonly requested: number,
  ) {
    super(`only ${available} available, ${requested} requested`);
  }
}

/**
 * The level after a movement of `delta` (negative draws). A level never goes below zero: the
 * database enforces the same rule with a CHECK and a conditional UPDATE; this is the model the
 * property tests compare the ledger against.
 */
export function applyMovement({ level, delta }: { level: number; delta: number }): number {
  if (!Number.isSafeInteger(level) || !Number.isSafeInteger(delta) || delta === 0) throw new RangeError('level and delta must be whole numbers, delta not zero');
  const next = level + delta;
  if (next < 0) throw new InsufficientStockError(level, -delta);
  return next;
}
