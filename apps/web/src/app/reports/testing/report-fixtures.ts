import { FOUR_W_COLUMNS, REPORT_COLUMNS, ReportPage } from '@relief-ledger/domain';

/** One 4W row: HRO's food parcels at the Atmeh camp in December 2019. */
export function aFourWRow(overrides: Record<string, string | number | null> = {}): Record<string, string | number | null> {
  return {
    orgName: 'Humanitarian Relief Organization',
    orgAcronym: 'HRO',
    sector: 'Food Security',
    activity: 'In-kind food distribution',
    itemName: 'Family food parcel',
    itemCode: 'FOOD-PARCEL',
    quantity: 840,
    people: 4_200,
    households: 840,
    adm1Name: 'Idlib',
    adm1Code: 'SY07',
    adm2Name: 'Harem',
    adm2Code: 'SY0703',
    adm3Name: 'Dana',
    adm3Code: 'SY070301',
    camp: 'مخيم أطمة الحدودي',
    dateStart: '2019-12-01',
    dateEnd: '2019-12-31',
    status: 'Completed',
    updated: '2019-12-23',
    id: 'HRO-2019-12-SY070301-FOOD-PARCEL',
    ...overrides,
  };
}

export function aReportPage(overrides: Partial<ReportPage> = {}): ReportPage {
  return {
    report: '4w',
    columns: FOUR_W_COLUMNS,
    rows: [aFourWRow()],
    totals: { quantity: 20_000, people: 100_000, households: 20_000 },
    page: 1,
    pageSize: 20,
    total: 24,
    filters: { from: '2019-12-01', to: '2019-12-31', level: 'camp' },
    generatedAt: '2019-12-23T14:00:00.000Z',
    zone: 'Asia/Damascus',
    organisation: { name: 'Humanitarian Relief Organization', shortCode: 'HRO' },
    language: 'en',
    ...overrides,
  };
}

/** The convoys of December 2019 by purpose and final status. */
export function aConvoysMonthlyPage(): ReportPage {
  const row = (purpose: string, status: string, convoys: number) => ({
    month: '2019-12',
    purpose,
    status,
    convoys,
    peopleEvacuated: purpose === 'Evacuation' ? convoys * 140 : 0,
    cargoDelivered: 0,
    cargoLost: 0,
    incidents: status === 'Struck' ? 1 : 0,
    windowsViolated: status === 'Struck' ? 1 : 0,
  });
  return aReportPage({
    report: 'convoys-monthly',
    columns: REPORT_COLUMNS['convoys-monthly'],
    rows: [row('Evacuation', 'Arrived', 3), row('Evacuation', 'Struck', 1), row('Supply', 'Arrived', 2)],
    totals: { convoys: 6, peopleEvacuated: 560, cargoDelivered: 0, cargoLost: 0, incidents: 1 },
    total: 3,
    filters: { from: '2019-12-01', to: '2019-12-31' },
  });
}
