import { CONVOY_STATUSES, ConvoyStatus, OverviewCamp, OverviewResponse, PeopleReachedDay, StockAlert } from '@relief-ledger/domain';

import { formatWeekday } from '../core/i18n/intl-format';
import { LocalWords } from '../core/i18n/local-words';
import { describeQuantity } from '../shared/lookups/describe-quantity';

/** Fewer days of food than this is a camp to act on this week. */
export const FOOD_DAYS_LOW = 7;

/** One camp as the overview's table shows it. */
export interface CampRow {
  camp: OverviewCamp;
  /** "500 on site, 340 needed"; "840 on site, none needed". */
  tents: string;
  tentsShort: boolean;
  /** "12 days", "No one on site". */
  food: string;
  foodShort: boolean;
}

export function toCampRow(camp: OverviewCamp, words: LocalWords): CampRow {
  const { tentsOnSite, tentsNeeded } = camp.shelter;
  const days = camp.foodDaysLeft;
  return {
    camp,
    tents: words.t('overview.camps.tents', { onSite: tentsOnSite, needed: tentsNeeded }),
    tentsShort: tentsNeeded > 0,
    food: days === null ? words.t('overview.camps.noOneOnSite') : words.t('overview.days', { count: days }),
    foodShort: days !== null && days < FOOD_DAYS_LOW,
  };
}

/** A stock alert in words: what is left, and why that needs someone now. */
export interface StockAlertLine {
  alert: StockAlert;
  /** "40 family tents". */
  level: string;
  /** "3 days of cover at the last 14 days' rate; the alert is below 7 days" or "Empty while 2 camps are short: …". */
  reason: string;
}

export function toStockAlertLine(alert: StockAlert, words: LocalWords): StockAlertLine {
  const level = describeQuantity({ quantity: alert.level, item: { nameEn: alert.itemNameEn, nameAr: alert.itemNameAr, unit: alert.unit } }, words);
  if (alert.reason === 'empty_while_camps_short') {
    return { alert, level, reason: words.t('overview.stock.emptyWhileShort', { count: alert.shortCamps.length, camps: alert.shortCamps.join(', ') }) };
  }
  const reason =
    alert.daysOfCover === null
      ? words.t('overview.stock.noOutflow', { threshold: alert.thresholdDays })
      : words.t('overview.stock.cover', { days: alert.daysOfCover, threshold: alert.thresholdDays });
  return { alert, level, reason };
}

/** Other organisations' convoys, counted by status in the order a trip goes: "2 Planned", "1 On the road". */
export function othersByStatus(counts: OverviewResponse['convoys']['othersByStatus']): { status: ConvoyStatus; count: number }[] {
  return CONVOY_STATUSES.filter((status) => (counts[status] ?? 0) > 0).map((status) => ({ status, count: counts[status] ?? 0 }));
}

/** People reached, day by day, this week against last week: the chart's bars and its text alternative. */
export interface PeopleReachedChart {
  /** Mon … Sun, in the user's language. */
  labels: string[];
  lastWeek: number[];
  thisWeek: number[];
  /** The two totals in words, for those who do not see the chart. */
  summary: string;
}

export function peopleReachedChart(reached: OverviewResponse['peopleReached'], words: LocalWords): PeopleReachedChart {
  // 14 days oldest first: last week's 7, then this week's 7 (those still to come count nothing yet).
  const lastWeek = reached.days.slice(0, 7);
  const thisWeek = reached.days.slice(7, 14);
  return {
    labels: lastWeek.map((day) => weekday(day, words)),
    lastWeek: lastWeek.map((day) => day.people),
    thisWeek: thisWeek.map((day) => day.people),
    // The week is not over: "so far", and no comparison that reads as a fall every Monday morning.
    summary: words.t('overview.reached.summary', { thisWeek: reached.thisWeek, lastWeek: reached.lastWeek }),
  };
}

function weekday(day: PeopleReachedDay, words: LocalWords): string {
  return formatWeekday(new Date(`${day.day}T00:00:00Z`), 'UTC', words.locale);
}
