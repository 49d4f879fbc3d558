import { PauseWindowDetailResponse, PauseWindowEventResponse, PauseWindowResponse } from '@relief-ledger/domain';

import { ROUTE_ID } from '../../shared/lookups/testing/lookup-fixtures';

export { aPage } from '../../core/http/testing/page-fixtures';

/** The pause of 23 December 2019: from noon "until 18:00 local" on the routes north of Ma'arat al-Num'an. */
export function aPauseWindow(overrides: Partial<PauseWindowResponse> = {}): PauseWindowResponse {
  return {
    id: 'window-1',
    announcedBy: 'Russia and the regime, notified to the UN',
    sourceText: 'A pause in hostilities on the roads north of Maarat al-Numan until 6 p.m. local time.',
    announcedAt: '2019-12-23T09:30:00.000Z',
    zone: 'Asia/Damascus',
    startsAt: '2019-12-23T10:00:00.000Z',
    endsAt: '2019-12-23T16:00:00.000Z',
    startsLocal: { date: '2019-12-23', time: '12:00', offset: '+02:00' },
    endsLocal: { date: '2019-12-23', time: '18:00', offset: '+02:00' },
    status: 'in_force',
    violatedAt: null,
    violatedByIncidentId: null,
    routes: [{ id: ROUTE_ID, name: "Ma'arat al-Num'an to Sarmada" }],
    areas: [{ id: 'loc-maarat-district', pcode: 'SY0702', nameEn: "Maarrat al-Nu'man" }],
    notes: null,
    recordedByOrganisation: 'Humanitarian Relief Organization',
    createdAt: '2019-12-23T09:35:00.000Z',
    version: 1,
    ...overrides,
  };
}

/** One entry of a window's history: entered by Mariam of HRO, five minutes after the announcement. */
export function aWindowEvent(overrides: Partial<PauseWindowEventResponse> = {}): PauseWindowEventResponse {
  return {
    id: 'event-1',
    kind: 'entered',
    version: 1,
    recordedAt: '2019-12-23T09:35:00.000Z',
    recordedBy: 'Mariam Haddad',
    recordedByOrganisation: 'Humanitarian Relief Organization',
    changes: [],
    reason: null,
    source: null,
    ...overrides,
  };
}

/** The window with its history (as GET /pause-windows/{id} answers). */
export function aPauseWindowDetail(overrides: Partial<PauseWindowDetailResponse> = {}): PauseWindowDetailResponse {
  return { ...aPauseWindow(), history: [aWindowEvent()], ...overrides };
}
