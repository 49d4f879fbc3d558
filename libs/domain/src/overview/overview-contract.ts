import type { ConvoyStatus } from '../convoys/convoy';
import type { ConvoyResponse } from '../convoys/convoy-contract';
import type { ShelterCoverage } from '../coverage/shelter-coverage';
import type { SPHERE } from '../coverage/sphere';
import type { IncidentResponse } from '../incidents/incident-contract';
import type { PauseWindowResponse } from '../pause-windows/pause-window-contract';
import type { StockAlertReason } from './stock-cover';

/** One camp of the organisation on the overview, worst first. */
export interface OverviewCamp {
  id: string;
  nameEn: string;
  nameAr: string;
  status: string;
  population: number;
  households: number;
  shelter: ShelterCoverage;
  /** Whole days of food left for everyone on site (see foodDaysLeft), or null when nobody lives there. */
  foodDaysLeft: number | null;
  /** 0 (nothing) to 1 (fully covered): the worse of shelter and food (food counted against 30 days). */
  severity: number;
}

export interface StockAlert {
  stockPointId: string;
  stockPointName: string;
  itemId: string;
  itemCode: string;
  itemNameEn: string;
  itemNameAr: string;
  unit: string;
  level: number;
  /** Units distributed and lost per day over the last 14 days. */
  dailyOutflow: number;
  /** Level divided by the daily outflow, rounded down; null when nothing went out. */
  daysOfCover: number | null;
  thresholdDays: number;
  reason: StockAlertReason;
  /** Camps this point supplies that are short, for the "empty while camps are short" alert. */
  shortCamps: string[];
}

/** People reached per local day, for the chart of this week against last week. */
export interface PeopleReachedDay {
  /** Local calendar day at the sites (the demo's Asia/Damascus). */
  day: string;
  people: number;
}

export interface OverviewResponse {
  generatedAt: string;
  /** The zone the days and weeks are counted in. */
  zone: string;
  windows: {
    inForce: PauseWindowResponse[];
    /** Violated within the last 72 hours. */
    recentlyViolated: PauseWindowResponse[];
  };
  convoys: {
    /** The organisation's convoys on the road and those planned to leave today, overdue first. */
    own: ConvoyResponse[];
    /** Other organisations' convoys: counts by status only, never which or where. */
    othersByStatus: Partial<Record<ConvoyStatus, number>>;
  };
  camps: OverviewCamp[];
  stockAlerts: StockAlert[];
  /** Shared: every organisation's incidents of the last 72 hours. */
  incidents: IncidentResponse[];
  peopleReached: {
    thisWeek: number;
    lastWeek: number;
    /** 14 days, oldest first: last week's 7 then this week's 7 (weeks start on Monday). */
    days: PeopleReachedDay[];
  };
  sphere: typeof SPHERE;
}
