import { PauseWindowResponse } from '@relief-ledger/domain';

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
    ...overrides,
  };
}
