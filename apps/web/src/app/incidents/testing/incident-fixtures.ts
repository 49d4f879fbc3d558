import { IncidentResponse } from '@relief-ledger/domain';

import { ROUTE_ID } from '../../shared/lookups/testing/lookup-fixtures';

export { aPage } from '../../core/http/testing/page-fixtures';

/** The evacuation convoy struck between Maaret and Ariha, 23 December 2019. */
export function anIncident(overrides: Partial<IncidentResponse> = {}): IncidentResponse {
  return {
    id: 'incident-1',
    kind: 'airstrike',
    occurredAt: '2019-12-23T13:10:00.000Z',
    locationId: null,
    locationName: null,
    routeId: ROUTE_ID,
    routeName: "Ma'arat al-Num'an to Sarmada",
    place: 'Between Maaret and Ariha on the M5',
    convoyId: null,
    campId: null,
    campName: null,
    killed: 0,
    injured: 4,
    description: 'Second truck hit; the convoy turned back.',
    reportedByOrganisation: 'Humanitarian Relief Organization',
    violatedWindowIds: ['window-1'],
    createdAt: '2019-12-23T13:12:00.000Z',
    ...overrides,
  };
}
