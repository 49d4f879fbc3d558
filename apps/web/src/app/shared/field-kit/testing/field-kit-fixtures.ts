import { FieldKitCamp, FieldKitResponse, FieldKitStockPoint } from '@relief-ledger/domain';

import { CampChoice } from '../../lookups/lookups-api';
import { aFoodParcel, anItem, aStockPoint, aWarehouse, FAMILY_TENT_ID, FOOD_PARCEL_ID } from '../../lookups/testing/lookup-fixtures';

/** A camp of the field kit: the lookups' camp with its coverage, zone and store. */
export function aFieldKitCamp(choice: CampChoice, overrides: Partial<FieldKitCamp> = {}): FieldKitCamp {
  return {
    ...choice,
    population: 1000,
    households: 200,
    shelter: { households: 200, tentsOnSite: 0, tentsNeeded: 200, coveredShare: 0 },
    foodDaysLeft: 10,
    severity: 0,
    zone: 'Asia/Damascus',
    storeId: null,
    ...overrides,
  };
}

/** The demo's stock: 500 family tents at Atmeh camp store; food parcels (and a few tents) at Sarmada warehouse. */
export function demoStockPoints(): FieldKitStockPoint[] {
  return [
    { ...aStockPoint(), levels: [{ itemId: FAMILY_TENT_ID, quantity: 500 }] },
    { ...aWarehouse(), levels: [{ itemId: FOOD_PARCEL_ID, quantity: 19_000 }, { itemId: FAMILY_TENT_ID, quantity: 40 }] },
  ];
}

export function aFieldKit(overrides: Partial<FieldKitResponse> = {}): FieldKitResponse {
  return {
    asOf: '2019-12-23T12:30:00.000Z',
    zone: 'Asia/Damascus',
    camps: [],
    items: [aFoodParcel(), anItem()],
    stockPoints: demoStockPoints(),
    convoys: [],
    windowsInForce: [],
    ...overrides,
  };
}
