import { CampCoverageResponse, CampResponse } from '@relief-ledger/domain';

export { aPage } from '../../core/http/testing/page-fixtures';
export { aLocation } from '../../shared/lookups/testing/lookup-fixtures';

/** Test data shaped like the API's answers; figures from the December 2019 flight from Ma'arat al-Num'an. */
export function aCamp(overrides: Partial<CampResponse> = {}): CampResponse {
  return {
    id: '7d1c2a8e-0000-4000-8000-000000000001',
    organisationId: 'org-hro',
    organisationName: 'Humanitarian Relief Organization',
    locationId: 'loc-sarmada',
    locationName: 'Sarmada',
    locationPcode: 'SY070300',
    nameEn: 'Sarmada North',
    nameAr: 'سرمدا الشمالي',
    status: 'open',
    population: 12_345,
    households: 2_469,
    capacity: 15_000,
    openedOn: '2019-12-20',
    closedOn: null,
    version: 3,
    createdAt: '2019-12-20T08:00:00.000Z',
    updatedAt: '2019-12-23T14:00:00.000Z',
    ...overrides,
  };
}

/** The new camp near Atmeh of the design case: 840 households, 4,200 people, 500 tents, 840 food parcels. */
export function aCoverage(overrides: Partial<CampCoverageResponse> = {}): CampCoverageResponse {
  return {
    campId: '7d1c2a8e-0000-4000-8000-000000000001',
    households: 840,
    population: 4_200,
    shelter: { households: 840, tentsOnSite: 500, tentsNeeded: 340, coveredShare: 500 / 840 },
    food: { population: 4_200, packages: 840, personDays: 126_000, days: 30 },
    sphere: { coveredSpacePerPersonM2: 3.5, kcalPerPersonPerDay: 2_100, waterLitresPerPersonPerDay: 15, personsPerFamilyTent: 5 },
    ...overrides,
  };
}
