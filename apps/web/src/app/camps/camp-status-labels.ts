import { CampStatus } from '@relief-ledger/domain';

export const CAMP_STATUS_LABELS: Readonly<Record<CampStatus, string>> = {
  planned: 'Planned',
  open: 'Open',
  full: 'Full',
  closed: 'Closed',
};
