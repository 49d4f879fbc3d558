import {
  CONVOY_STATUS_LABELS,
  CONVOY_STATUSES,
  ConvoyStatus,
  OverviewCamp,
  OverviewResponse,
  PeopleReachedDay,
  StockAlert,
} from '@relief-ledger/domain';

import { describeQuantity } from '../shared/lookups/describe-quantity';

/** Fewer days of food than this is a camp to act on this week. */
export const FOOD_DAYS_LOW = 7;

const count = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

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

export function toCampRow(camp: OverviewCamp): CampRow {
  const { tentsOnSite, tentsNeeded } = camp.shelter;
  const days = camp.foodDaysLeft;
  return {
    camp,
    tents: `${tentsOnSite.toLocaleString('en')} on site, ${tentsNeeded > 0 ? `${tentsNeeded.toLocaleString('en')} needed` : 'none needed'}`,
    tentsShort: tentsNeeded > 0,
    food: days === null ? 'No one on site' : count(days, 'day'),
    foodShort: days !== null && days < FOOD_DAYS_LOW,
  };
}

/** A stock alert in words: what is left, and why that needs someone now. */
export interface StockAlertLine {
  alert: StockAlert;
  /** "40 family tents". */
  level: string;
  /** "3 days of cover at the last 14 days' rate; the alert is below 7" or "Empty while 2 camps are short: …". */
  reason: string;
}

export function toStockAlertLine(alert: StockAlert): StockAlertLine {
  const level = describeQuantity({ quantity: alert.level, item: { nameEn: alert.itemNameEn, unit: alert.unit } });
  if (alert.reason === 'empty_while_camps_short') {
    const camps = alert.shortCamps.length;
    const names = camps > 0 ? `: ${alert.shortCamps.join(', ')}` : '';
    return { alert, level, reason: `Empty while ${count(camps, 'camp')} ${camps === 1 ? 'is' : 'are'} short${names}` };
  }
  const cover = alert.daysOfCover === null ? 'No recent outflow' : `${count(alert.daysOfCover, 'day')} of cover`;
  return { alert, level, reason: `${cover} at the last 14 days' rate; the alert is below ${count(alert.thresholdDays, 'day')}` };
}

/** Other organisations' convoys, counted by status in the order a trip goes: "2 Planned", "1 On the road". */
export function othersByStatus(counts: OverviewResponse['convoys']['othersByStatus']): { status: ConvoyStatus; label: string; count: number }[] {
  return CONVOY_STATUSES.filter((status) => (counts[status] ?? 0) > 0).map((status) => ({
    status,
    label: CONVOY_STATUS_LABELS[status],
    count: counts[status] ?? 0,
  }));
}

/** People reached, day by day, this week against last week: the chart's bars and its text alternative. */
export interface PeopleReachedChart {
  /** Mon … Sun. */
  labels: string[];
  lastWeek: number[];
  thisWeek: number[];
  /** The two totals in words, for those who do not see the chart. */
  summary: string;
}

const WEEKDAY = new Intl.DateTimeFormat('en-GB', { weekday: 'short', timeZone: 'UTC' });

export function peopleReachedChart(reached: OverviewResponse['peopleReached']): PeopleReachedChart {
  // 14 days oldest first: last week's 7, then this week's 7 (those still to come count nothing yet).
  const lastWeek = reached.days.slice(0, 7);
  const thisWeek = reached.days.slice(7, 14);
  return {
    labels: lastWeek.map((day) => weekday(day)),
    lastWeek: lastWeek.map((day) => day.people),
    thisWeek: thisWeek.map((day) => day.people),
    // The week is not over: "so far", and no comparison that reads as a fall every Monday morning.
    summary: `This week so far ${count(reached.thisWeek, 'person', 'people')} reached; last week ${count(reached.lastWeek, 'person', 'people')}.`,
  };
}

function weekday(day: PeopleReachedDay): string {
  return WEEKDAY.format(new Date(`${day.day}T00:00:00Z`));
}
