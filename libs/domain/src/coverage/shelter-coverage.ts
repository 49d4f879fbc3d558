export interface ShelterCoverage {
  households: number;
  tentsOnSite: number;
  /** Households still without a tent (never negative). */
  tentsNeeded: number;
  /** Share of households with a tent, 0 to 1 (1 when there are no households). */
  coveredShare: number;
}

/** One family tent per household: tents on site against households. */
export function shelterCoverage({ households, tentsOnSite }: { households: number; tentsOnSite: number }): ShelterCoverage {
  const tentsNeeded = Math.max(0, households - tentsOnSite);
  const coveredShare = households === 0 ? 1 : Math.min(1, tentsOnSite / households);
  return { households, tentsOnSite, tentsNeeded, coveredShare };
}
