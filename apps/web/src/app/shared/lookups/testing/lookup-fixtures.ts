import { ItemResponse, LocationResponse, RouteResponse, StockPointResponse } from '@relief-ledger/domain';

import { CampChoice } from '../lookups-api';

/** The demo's catalogue and places: 500 family tents at the store of the new camp near Atmeh. */
export const FAMILY_TENT_ID = '00000000-0000-4000-8000-00000000a002';
export const FOOD_PARCEL_ID = '00000000-0000-4000-8000-00000000a001';
export const WATER_ID = '00000000-0000-4000-8000-00000000a006';
export const ATMEH_CAMP_ID = '00000000-0000-4000-8000-00000000c001';
export const SARMADA_CAMP_ID = '00000000-0000-4000-8000-00000000c002';
export const ATMEH_STORE_ID = '00000000-0000-4000-8000-00000000b002';
export const SARMADA_WAREHOUSE_ID = '00000000-0000-4000-8000-00000000b001';

export function anItem(overrides: Partial<ItemResponse> = {}): ItemResponse {
  return {
    id: FAMILY_TENT_ID,
    code: 'TENT-FAMILY',
    nameEn: 'Family tent',
    nameAr: 'خيمة عائلية',
    unit: 'tent',
    kind: 'shelter',
    personsPerUnit: 5,
    daysPerUnit: null,
    coverAlertDays: 7,
    ...overrides,
  };
}

export function aFoodParcel(): ItemResponse {
  return anItem({
    id: FOOD_PARCEL_ID,
    code: 'FOOD-PARCEL',
    nameEn: 'Family food parcel',
    nameAr: 'سلة غذائية عائلية',
    unit: 'parcel',
    kind: 'food',
    daysPerUnit: 30,
  });
}

export function water(): ItemResponse {
  return anItem({ id: WATER_ID, code: 'WATER-L', nameEn: 'Water', nameAr: 'مياه', unit: 'litre', kind: 'water', personsPerUnit: null });
}

export function aStockPoint(overrides: Partial<StockPointResponse> = {}): StockPointResponse {
  return {
    id: ATMEH_STORE_ID,
    name: 'Atmeh camp store',
    kind: 'camp_store',
    locationId: 'loc-atmeh',
    locationName: 'Atmeh',
    campId: ATMEH_CAMP_ID,
    version: 1,
    ...overrides,
  };
}

export function aWarehouse(): StockPointResponse {
  return aStockPoint({ id: SARMADA_WAREHOUSE_ID, name: 'Sarmada warehouse', kind: 'warehouse', locationId: 'loc-sarmada', locationName: 'Sarmada', campId: null });
}

export function aCampChoice(overrides: Partial<CampChoice> = {}): CampChoice {
  return { id: ATMEH_CAMP_ID, nameEn: 'Atmeh border camp (new)', nameAr: 'مخيم أطمة الحدودي', status: 'open', ...overrides };
}

export function aLocation(overrides: Partial<LocationResponse> = {}): LocationResponse {
  return {
    id: 'loc-sarmada',
    pcode: 'SY070300',
    level: 'community',
    parentId: 'loc-dana',
    nameEn: 'Sarmada',
    nameAr: 'سرمدا',
    latitude: null,
    longitude: null,
    timeZone: 'Asia/Damascus',
    ...overrides,
  };
}

export const ROUTE_ID = '00000000-0000-4000-8000-00000000d001';

/** The evacuation road north out of Ma'arat al-Num'an, through Ariha, to the camps near Sarmada. */
export function aRoute(overrides: Partial<RouteResponse> = {}): RouteResponse {
  return {
    id: ROUTE_ID,
    name: "Ma'arat al-Num'an to Sarmada",
    stops: [
      { locationId: 'loc-maarat', pcode: 'SY07020001', nameEn: "Ma'arat al-Num'an", nameAr: 'معرة النعمان' },
      { locationId: 'loc-ariha', pcode: 'SY07050001', nameEn: 'Ariha', nameAr: 'أريحا' },
      { locationId: 'loc-sarmada', pcode: 'SY07030101', nameEn: 'Sarmada', nameAr: 'سرمدا' },
    ],
    timeZone: 'Asia/Damascus',
    line: null,
    ...overrides,
  };
}
