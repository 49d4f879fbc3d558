/** Days of cover below which a stock level is flagged, unless the item sets its own. */
export const DEFAULT_COVER_ALERT_DAYS = 7;
/** The window the rate of distribution and loss is measured over. */
export const OUTFLOW_WINDOW_DAYS = 14;

export type StockAlertReason = 'low_cover' | 'empty_while_camps_short';

export interface StockCoverInput {
  level: number;
  /** Units distributed and lost over the last OUTFLOW_WINDOW_DAYS days. */
  outflowInWindow: number;
  thresholdDays: number;
  /** Camps supplied by this point that are short of what this item provides. */
  shortCamps: number;
}

export interface StockCover {
  dailyOutflow: number;
  /** null when nothing went out: the stock lasts as long as nobody draws on it. */
  daysOfCover: number | null;
  alert: StockAlertReason | null;
}

/**
 * How long a stock level lasts at the recent rate of distribution and loss, and whether that
 * needs someone now: fewer days than the threshold, or nothing left while camps it supplies
 * are short (an empty store that nobody draws on has no rate, but people still wait on it).
 */
export function stockCover({ level, outflowInWindow, thresholdDays, shortCamps }: StockCoverInput): StockCover {
  const dailyOutflow = outflowInWindow / OUTFLOW_WINDOW_DAYS;
  const daysOfCover = dailyOutflow > 0 ? Math.floor(level / dailyOutflow) : null;
  if (level <= 0 && shortCamps > 0) return { dailyOutflow, daysOfCover, alert: 'empty_while_camps_short' };
  if (daysOfCover !== null && daysOfCover < thresholdDays) return { dailyOutflow, daysOfCover, alert: 'low_cover' };
  return { dailyOutflow, daysOfCover, alert: null };
}
