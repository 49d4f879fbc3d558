import {
  ConvoyDetailResponse,
  ConvoyEventResponse,
  ConvoyResponse,
  ConvoyStatusResponse,
  LiveEvent,
  WindowOnRoute,
} from '@relief-ledger/domain';

import { aRoute, ROUTE_ID } from '../../shared/lookups/testing/lookup-fixtures';

export { aPage } from '../../core/http/testing/page-fixtures';

export const CONVOY_ID = '00000000-0000-4000-8000-00000000e001';
/** The design case's afternoon: the pause "until 18:00 local" on 23 December 2019, 16:00 UTC. */
export const NOW = new Date('2019-12-23T14:00:00.000Z');

/** An evacuation convoy north from Ma'arat al-Num'an, on the road since 13:30 UTC. */
export function aConvoy(overrides: Partial<ConvoyResponse> = {}): ConvoyResponse {
  const route = aRoute();
  return {
    id: CONVOY_ID,
    organisationId: 'org-hro',
    name: 'Evacuation Maaret north 3',
    purpose: 'evacuation',
    status: 'departed',
    route: { id: ROUTE_ID, name: route.name, timeZone: route.timeZone, stops: route.stops },
    plannedDepartureAt: '2019-12-23T13:30:00.000Z',
    expectedDurationMinutes: 90,
    safetyMarginMinutes: 60,
    expectedArrivalAt: '2019-12-23T15:00:00.000Z',
    departedAt: '2019-12-23T13:30:00.000Z',
    arrivedAt: null,
    vehicleCount: 6,
    vehicles: [],
    peopleAboard: 140,
    checkInIntervalMinutes: 30,
    lastCheckInAt: null,
    nextCheckInDueAt: '2019-12-23T14:00:30.000Z',
    overdue: false,
    destinationStockPointId: null,
    notes: null,
    coverage: { kind: 'covered', windowIds: ['window-1'], coveredUntil: '2019-12-23T16:00:00.000Z' },
    version: 2,
    createdAt: '2019-12-23T10:00:00.000Z',
    updatedAt: '2019-12-23T13:30:00.000Z',
    ...overrides,
  };
}

export function aConvoyEvent(overrides: Partial<ConvoyEventResponse> = {}): ConvoyEventResponse {
  return {
    id: 'event-1',
    convoyId: CONVOY_ID,
    kind: 'status',
    fromStatus: 'planned',
    toStatus: 'departed',
    occurredAt: '2019-12-23T13:30:00.000Z',
    locationId: null,
    locationName: null,
    place: null,
    note: null,
    incidentId: null,
    recordedBy: 'user-coordinator',
    recordedByName: 'Layla Haddad',
    recordedAt: '2019-12-23T13:30:00.000Z',
    ...overrides,
  };
}

export function aCheckInEvent(overrides: Partial<ConvoyEventResponse> = {}): ConvoyEventResponse {
  return aConvoyEvent({
    id: 'event-2',
    kind: 'check_in',
    fromStatus: null,
    toStatus: null,
    occurredAt: '2019-12-23T13:55:00.000Z',
    place: 'Ariha checkpoint',
    recordedBy: 'user-field',
    recordedByName: 'Omar Khalil',
    recordedAt: '2019-12-23T13:55:00.000Z',
    ...overrides,
  });
}

/** The pause "until 18:00 local" on the route, in force since noon Damascus time. */
export function aWindowOnRoute(overrides: Partial<WindowOnRoute> = {}): WindowOnRoute {
  return {
    id: 'window-1',
    announcedBy: 'Russia and the regime, notified to the UN',
    zone: 'Asia/Damascus',
    startsAt: '2019-12-23T10:00:00.000Z',
    endsAt: '2019-12-23T16:00:00.000Z',
    status: 'in_force',
    violatedAt: null,
    ...overrides,
  };
}

export function aConvoyDetail(overrides: Partial<ConvoyDetailResponse> = {}): ConvoyDetailResponse {
  return {
    ...aConvoy(),
    events: [aConvoyEvent()],
    cargo: [],
    windows: [aWindowOnRoute()],
    goNoGo: null,
    ...overrides,
  };
}

export function aConvoyStatus(overrides: Partial<ConvoyStatusResponse> = {}): ConvoyStatusResponse {
  return {
    id: 'convoy-kp-1',
    organisationId: 'org-kp',
    organisationName: 'Kids Paradise',
    status: 'departed',
    updatedAt: '2019-12-23T13:00:00.000Z',
    ...overrides,
  };
}

export function aCheckInLiveEvent(event: ConvoyEventResponse = aCheckInEvent()): LiveEvent {
  return { type: 'convoy.check_in', convoyId: event.convoyId, organisationId: 'org-hro', status: 'departed', event };
}
