import { OverviewCamp, OverviewResponse, SPHERE, StockAlert } from '@relief-ledger/domain';

import { aConvoy } from '../../convoys/testing/convoy-fixtures';
import { anIncident } from '../../incidents/testing/incident-fixtures';
import { aPauseWindow } from '../../pause-windows/testing/pause-window-fixtures';
import { ATMEH_CAMP_ID, ATMEH_STORE_ID, FOOD_PARCEL_ID, SARMADA_CAMP_ID } from '../../shared/lookups/testing/lookup-fixtures';

export { NOW } from '../../convoys/testing/convoy-fixtures';

/** The new camp near the border: 840 households, 500 tents. */
export function anOverviewCamp(overrides: Partial<OverviewCamp> = {}): OverviewCamp {
  return {
    id: ATMEH_CAMP_ID,
    nameEn: 'Atmeh border camp (new)',
    nameAr: 'مخيم أطمة الحدودي',
    status: 'open',
    population: 4_200,
    households: 840,
    shelter: { households: 840, tentsOnSite: 500, tentsNeeded: 340, coveredShare: 500 / 840 },
    foodDaysLeft: 3,
    severity: 0.1,
    ...overrides,
  };
}

export function aStockAlert(overrides: Partial<StockAlert> = {}): StockAlert {
  return {
    stockPointId: ATMEH_STORE_ID,
    stockPointName: 'Atmeh camp store',
    itemId: FOOD_PARCEL_ID,
    itemCode: 'FOOD-PARCEL',
    itemNameEn: 'Family food parcel',
    itemNameAr: 'سلة غذائية عائلية',
    unit: 'parcel',
    level: 120,
    dailyOutflow: 40,
    daysOfCover: 3,
    thresholdDays: 7,
    reason: 'low_cover',
    shortCamps: [],
    ...overrides,
  };
}

/** 14 days from Monday 16 December 2019, people reached on each: last week's then this week's. */
export function peopleReachedDays(people: number[]): OverviewResponse['peopleReached']['days'] {
  return people.map((count, index) => ({ day: `2019-12-${String(16 + index).padStart(2, '0')}`, people: count }));
}

/** The afternoon of 23 December 2019 (a Monday) for HRO. */
export function anOverview(overrides: Partial<OverviewResponse> = {}): OverviewResponse {
  return {
    generatedAt: '2019-12-23T14:00:00.000Z',
    zone: 'Asia/Damascus',
    windows: { inForce: [aPauseWindow()], recentlyViolated: [] },
    convoys: { own: [aConvoy()], othersByStatus: { departed: 1, planned: 2 } },
    camps: [
      anOverviewCamp(),
      anOverviewCamp({
        id: SARMADA_CAMP_ID,
        nameEn: 'Sarmada north camp',
        nameAr: 'مخيم سرمدا الشمالي',
        status: 'full',
        population: 2_500,
        households: 500,
        shelter: { households: 500, tentsOnSite: 500, tentsNeeded: 0, coveredShare: 1 },
        foodDaysLeft: 26,
        severity: 0.85,
      }),
    ],
    stockAlerts: [aStockAlert()],
    incidents: [anIncident()],
    peopleReached: {
      thisWeek: 1_240,
      lastWeek: 3_100,
      days: peopleReachedDays([400, 500, 300, 600, 500, 400, 400, 1_240, 0, 0, 0, 0, 0, 0]),
    },
    sphere: SPHERE,
    ...overrides,
  };
}
