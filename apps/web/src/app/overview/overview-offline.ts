import { FieldKitResponse, OverviewResponse, SPHERE } from '@relief-ledger/domain';

/**
 * The overview as far as this phone's copy of the field kit tells it: the windows in force (their
 * countdowns run on from the stored end times), the organisation's convoys on the road and its
 * camps worst first. What the kit does not carry (other organisations' convoys, incidents, stock
 * alerts, people reached) is left empty, and the page hides those blocks rather than say "none".
 */
export function overviewFromFieldKit(kit: FieldKitResponse): OverviewResponse {
  return {
    generatedAt: kit.asOf,
    zone: kit.zone,
    windows: { inForce: kit.windowsInForce, recentlyViolated: [] },
    convoys: { own: kit.convoys, othersByStatus: {} },
    camps: kit.camps,
    stockAlerts: [],
    incidents: [],
    peopleReached: { thisWeek: 0, lastWeek: 0, days: [] },
    sphere: SPHERE,
  };
}
