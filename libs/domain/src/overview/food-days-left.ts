export interface FoodDelivery {
  /** Local calendar day `YYYY-MM-DD`. */
  day: string;
  /** Person-days of food handed out that day: packages × persons per package × days per package. */
  personDays: number;
}

export interface FoodDaysLeftInput {
  population: number;
  /** Food handed out at the camp, any order, within the look-back the caller chose. */
  deliveries: FoodDelivery[];
  /** Person-days of food in the camp's own stores, not yet handed out. */
  storedPersonDays: number;
  /** Today, local `YYYY-MM-DD`. */
  today: string;
}

const DAY_MS = 86_400_000;
const dayNumber = (day: string) => Math.floor(Date.parse(`${day}T00:00:00Z`) / DAY_MS);

/**
 * Whole days of food left for everyone on site: food handed out is eaten at one person-day per
 * person per day from the day it arrives (what was not handed out before a day cannot be eaten
 * on it, and a surplus carries over), plus what the camp's stores hold. Deliveries before the
 * first one given count from that day: the caller picks the look-back (the last 90 days).
 */
export function foodDaysLeft({ population, deliveries, storedPersonDays, today }: FoodDaysLeftInput): number | null {
  if (population <= 0) return null;
  const end = dayNumber(today);
  const byDay = new Map<number, number>();
  for (const d of deliveries) {
    const n = dayNumber(d.day);
    if (n <= end) byDay.set(n, (byDay.get(n) ?? 0) + d.personDays);
  }
  let onHand = 0;
  if (byDay.size) {
    for (let n = Math.min(...byDay.keys()); n <= end; n++) {
      onHand += byDay.get(n) ?? 0;
      // Today's meals are still to come: count today as not yet eaten.
      if (n < end) onHand = Math.max(0, onHand - population);
    }
  }
  return Math.floor((onHand + storedPersonDays) / population);
}
