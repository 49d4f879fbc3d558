import { DistributionResponse } from '@relief-ledger/domain';

import { ATMEH_CAMP_ID, ATMEH_STORE_ID, FAMILY_TENT_ID } from '../../shared/lookups/testing/lookup-fixtures';

export { aPage } from '../../core/http/testing/page-fixtures';

/** 20 family tents handed out at the new camp near Atmeh from its store, which then holds 480. */
export function aDistribution(overrides: Partial<DistributionResponse> = {}): DistributionResponse {
  return {
    id: '00000000-0000-4000-8000-00000000d001',
    clientId: 'client-1',
    campId: ATMEH_CAMP_ID,
    locationId: 'loc-atmeh',
    itemId: FAMILY_TENT_ID,
    stockPointId: ATMEH_STORE_ID,
    quantity: 20,
    households: 20,
    people: 100,
    distributedAt: '2019-12-24T10:00:00.000Z',
    notes: null,
    stockLeft: 480,
    recordedBy: 'user-field',
    createdAt: '2019-12-24T10:00:00.000Z',
    ...overrides,
  };
}
