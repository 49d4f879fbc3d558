import { MovementResponse, StockLevelResponse } from '@relief-ledger/domain';

import { ATMEH_STORE_ID, FAMILY_TENT_ID } from '../../shared/lookups/testing/lookup-fixtures';

export { aPage } from '../../core/http/testing/page-fixtures';

export function aLevel(overrides: Partial<StockLevelResponse> = {}): StockLevelResponse {
  return {
    stockPointId: ATMEH_STORE_ID,
    itemId: FAMILY_TENT_ID,
    itemCode: 'TENT-FAMILY',
    itemName: 'Family tent',
    unit: 'tent',
    quantity: 480,
    ...overrides,
  };
}

/** The 500 family tents received at the Atmeh camp store; newer movements override the figures. */
export function aMovement(overrides: Partial<MovementResponse> = {}): MovementResponse {
  return {
    id: '00000000-0000-4000-8000-00000000e001',
    stockPointId: ATMEH_STORE_ID,
    itemId: FAMILY_TENT_ID,
    kind: 'receipt',
    quantity: 500,
    balance: 500,
    reference: 'UNHCR shelter pipeline, waybill ATM-2019-1222',
    lossCause: null,
    reason: null,
    reversesId: null,
    distributionId: null,
    incidentId: null,
    importId: null,
    donor: null,
    pipelineReference: null,
    recordedBy: 'user-coordinator',
    occurredAt: '2019-12-22T09:00:00.000Z',
    recordedAt: '2019-12-22T09:00:00.000Z',
    reversible: true,
    ...overrides,
  };
}
