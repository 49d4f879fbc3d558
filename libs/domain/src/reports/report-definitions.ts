import type { ReportColumn, ReportDefinition, ReportId } from './report-contract';

const PERIOD = ['from', 'to'] as const;

export const REPORTS: Record<ReportId, ReportDefinition> = {
  '4w': {
    id: '4w',
    title: '4W of distributions',
    description: 'Who did what, where, when, for whom: distributions by admin area, item and month, with HXL hashtags. Aggregated: no individual records, no coordinates, no routes.',
    filters: [...PERIOD, 'pcode', 'campId', 'itemId', 'level'],
    required: [],
    hxl: true,
  },
  'stock-card': {
    id: 'stock-card',
    title: 'Stock card',
    description: 'One stock point and item over a period: opening balance, every movement with its running balance, closing balance.',
    filters: [...PERIOD, 'stockPointId', 'itemId'],
    required: ['stockPointId', 'itemId'],
    hxl: false,
  },
  'stock-movements': {
    id: 'stock-movements',
    title: 'Stock movement summary',
    description: 'Per stock point and item over a period: opening, receipts, transfers, distributed, losses by cause, adjustments, closing.',
    filters: [...PERIOD, 'pcode', 'stockPointId', 'itemId'],
    required: [],
    hxl: false,
  },
  'stock-on-hand': {
    id: 'stock-on-hand',
    title: 'Stock on hand by location',
    description: 'Items as rows, stock points as columns, with totals, at the end of the period.',
    filters: ['to', 'pcode', 'itemId'],
    required: [],
    hxl: false,
  },
  'receipts-by-donor': {
    id: 'receipts-by-donor',
    title: 'Receipts by donor',
    description: "What each donor's receipts brought in, per month and item.",
    filters: [...PERIOD, 'pcode', 'stockPointId', 'itemId', 'donor'],
    required: [],
    hxl: false,
  },
  'convoys-monthly': {
    id: 'convoys-monthly',
    title: 'Convoys by month',
    description: 'Per month: convoys by purpose and final status, people evacuated, cargo delivered and lost, incidents, pause windows violated.',
    filters: [...PERIOD],
    required: [],
    hxl: false,
  },
  'convoy-log': {
    id: 'convoy-log',
    title: 'Convoy log',
    description: "The organisation's own convoys, one row each: departure, arrival, duration, route, status.",
    filters: [...PERIOD],
    required: [],
    hxl: false,
  },
  incidents: {
    id: 'incidents',
    title: 'Incidents log',
    description: "Incidents reported by every organisation, shared for coordination; another organisation's convoy or camp is never named.",
    filters: [...PERIOD, 'pcode'],
    required: [],
    hxl: false,
    shared: true,
  },
};

const text = (key: string, header: string, hxl?: string): ReportColumn => ({ key, header, hxl, type: 'text' });
const number = (key: string, header: string, hxl?: string, total = true): ReportColumn => ({ key, header, hxl, type: 'number', total });
const date = (key: string, header: string, hxl?: string): ReportColumn => ({ key, header, hxl, type: 'date' });
const datetime = (key: string, header: string): ReportColumn => ({ key, header, type: 'datetime' });

/** The 4W's columns, in order; the second header row is exactly these hashtags. */
export const FOUR_W_COLUMNS: ReportColumn[] = [
  text('orgName', 'Organisation', '#org+impl+name'),
  text('orgAcronym', 'Acronym', '#org+impl+acronym'),
  text('sector', 'Cluster', '#sector+cluster+name'),
  text('activity', 'Activity', '#activity+name'),
  text('itemName', 'Item', '#item+name'),
  text('itemCode', 'Item code', '#item+code'),
  number('quantity', 'Quantity distributed', '#output+num'),
  number('people', 'People reached', '#reached+ind'),
  number('households', 'Households reached', '#reached+hh'),
  text('adm1Name', 'Governorate', '#adm1+name'),
  text('adm1Code', 'Governorate P-code', '#adm1+code'),
  text('adm2Name', 'District', '#adm2+name'),
  text('adm2Code', 'District P-code', '#adm2+code'),
  text('adm3Name', 'Sub-district', '#adm3+name'),
  text('adm3Code', 'Sub-district P-code', '#adm3+code'),
  text('camp', 'Camp', '#loc+name'),
  date('dateStart', 'Start date', '#date+start'),
  date('dateEnd', 'End date', '#date+end'),
  text('status', 'Status', '#status'),
  date('updated', 'Last updated', '#date+updated'),
  text('id', 'Row id', '#meta+id'),
];

export const REPORT_COLUMNS: Record<Exclude<ReportId, 'stock-on-hand'>, ReportColumn[]> = {
  '4w': FOUR_W_COLUMNS,
  'stock-card': [
    datetime('at', 'Date and time (local)'),
    text('kind', 'Movement'),
    text('reference', 'Reference'),
    text('counterpart', 'From / to'),
    number('quantityIn', 'In'),
    number('quantityOut', 'Out'),
    number('balance', 'Balance', undefined, false),
    text('recordedBy', 'Recorded by'),
  ],
  'stock-movements': [
    text('stockPoint', 'Stock point'),
    text('itemCode', 'Item code'),
    text('itemName', 'Item'),
    number('opening', 'Opening'),
    number('receipts', 'Receipts'),
    number('transfersIn', 'Transfers in'),
    number('transfersOut', 'Transfers out'),
    number('distributed', 'Distributed'),
    number('lossDestroyed', 'Lost: destroyed'),
    number('lossLooted', 'Lost: looted'),
    number('lossSpoiled', 'Lost: spoiled'),
    number('lossMissing', 'Lost: missing'),
    number('adjustments', 'Adjustments and reversals'),
    number('closing', 'Closing'),
  ],
  'receipts-by-donor': [
    text('donor', 'Donor'),
    text('month', 'Month'),
    text('itemCode', 'Item code'),
    text('itemName', 'Item'),
    number('quantity', 'Quantity received'),
    number('receipts', 'Receipts'),
    text('pipelineReferences', 'Pipeline references'),
  ],
  'convoys-monthly': [
    text('month', 'Month'),
    text('purpose', 'Purpose'),
    text('status', 'Final status'),
    number('convoys', 'Convoys'),
    number('peopleEvacuated', 'People evacuated'),
    number('cargoDelivered', 'Cargo delivered (units)'),
    number('cargoLost', 'Cargo lost (units)'),
    number('incidents', 'Incidents'),
    number('windowsViolated', 'Pause windows violated', undefined, false),
  ],
  'convoy-log': [
    text('name', 'Convoy'),
    text('purpose', 'Purpose'),
    text('route', 'Route'),
    datetime('plannedDeparture', 'Planned departure (local)'),
    datetime('departed', 'Departed (local)'),
    datetime('ended', 'Arrived or ended (local)'),
    number('durationMinutes', 'Duration (minutes)', undefined, false),
    text('status', 'Status'),
    number('people', 'People aboard'),
    number('vehicles', 'Vehicles'),
  ],
  incidents: [
    datetime('occurredAt', 'Date and time (local)'),
    text('kind', 'Kind'),
    text('place', 'Place'),
    text('adm2Name', 'District'),
    text('route', 'Route'),
    text('camp', 'Camp (own organisation only)'),
    text('convoy', 'Convoy (own organisation only)'),
    number('killed', 'Killed'),
    number('injured', 'Injured'),
    text('reportedBy', 'Reported by (organisation)'),
    text('description', 'Description'),
  ],
};

/** The cluster each item kind reports to. */
export const SECTOR_BY_ITEM_KIND: Record<string, string> = {
  food: 'Food Security',
  shelter: 'Shelter/NFI',
  non_food: 'Shelter/NFI',
  water: 'WASH',
  hygiene: 'WASH',
  health: 'Health',
};

/** The activity a distribution of each item kind is, as the 4W names it. */
export const ACTIVITY_BY_ITEM_KIND: Record<string, string> = {
  food: 'In-kind food distribution',
  shelter: 'Emergency shelter distribution',
  non_food: 'Core relief items distribution',
  water: 'Water distribution',
  hygiene: 'Hygiene kit distribution',
  health: 'Health supplies distribution',
};
