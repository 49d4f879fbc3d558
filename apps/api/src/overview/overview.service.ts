import { Injectable } from '@nestjs/common';
import {
  addDays,
  foodDaysLeft,
  mondayOf,
  OUTFLOW_WINDOW_DAYS,
  resolveLocalTime,
  shelterCoverage,
  SPHERE,
  stockCover,
  wallClockAt,
  type OverviewCamp,
  type OverviewResponse,
  type StockAlert,
} from '@relief-ledger/domain';
import type { Actor } from '../common/actor.js';
import { ConvoyBoardService } from '../convoys/convoy-board.service.js';
import { IncidentsService } from '../incidents/incidents.service.js';
import { PauseWindowsService } from '../pause-windows/pause-windows.service.js';
import { DataSource } from 'typeorm';
import { OverviewRepository, type CampFigures, type FoodDeliveryRow, type LevelRow } from './overview.repository.js';

const RECENT_HOURS = 72;
/** Food older than this is eaten: the look-back of foodDaysLeft. */
const FOOD_LOOK_BACK_DAYS = 90;
/** Days of food a camp is counted fully covered at, for ranking camps worst first. */
const FOOD_DAYS_TARGET = 30;
const DEFAULT_ZONE = 'Asia/Damascus';

/** A camp short of what an item of this kind provides. */
function isShort(camp: OverviewCamp, kind: string, thresholdDays: number): boolean {
  if (kind === 'shelter') return camp.shelter.tentsNeeded > 0;
  if (kind === 'food') return camp.foodDaysLeft !== null && camp.foodDaysLeft < thresholdDays;
  return false;
}

/**
 * "What needs me now?" for every role: one call, a few statements run side by side, each read
 * from indexes or maintained totals (see OverviewRepository), so its cost stays flat as the
 * ledger grows.
 */
@Injectable()
export class OverviewService {
  constructor(
    private readonly repository: OverviewRepository,
    private readonly convoys: ConvoyBoardService,
    private readonly windows: PauseWindowsService,
    private readonly incidents: IncidentsService,
    private readonly dataSource: DataSource,
  ) {}

  async overview(actor: Actor, now = new Date()): Promise<OverviewResponse> {
    const organisationId = actor.organisationId;
    const zone = (await this.repository.zone(organisationId)) ?? DEFAULT_ZONE;
    const today = wallClockAt(now, zone).date;
    const recent = new Date(now.getTime() - RECENT_HOURS * 3_600_000);
    const endOfToday = startOfDay(addDays(today, 1), zone);
    const lastMonday = addDays(mondayOf(today), -7);
    const outflowSince = addDays(today, -(OUTFLOW_WINDOW_DAYS - 1));

    const [windows, own, othersByStatus, incidents, camps, deliveries, levels, reached] = await Promise.all([
      this.windows.windowsWithScopes(this.dataSource.manager, recent, now, now),
      this.convoys.active(actor, endOfToday, now),
      this.convoys.othersByStatus(actor),
      this.incidents.incidents(this.dataSource.manager, actor, { from: recent.toISOString() }, { pageSize: 100, skip: 0 }),
      this.repository.camps(organisationId),
      this.repository.foodDeliveries(organisationId, addDays(today, -FOOD_LOOK_BACK_DAYS)),
      this.repository.levels(organisationId, outflowSince, new Date(now.getTime() - OUTFLOW_WINDOW_DAYS * 86_400_000)),
      this.repository.peopleReached(organisationId, lastMonday, addDays(lastMonday, 13)),
    ]);

    const overviewCamps = campsWorstFirst(camps, deliveries, today);
    const people = new Map(reached.map((r) => [r.day, Number(r.people)]));
    const days = Array.from({ length: 14 }, (_, i) => addDays(lastMonday, i)).map((day) => ({ day, people: people.get(day) ?? 0 }));
    return {
      generatedAt: now.toISOString(),
      zone,
      windows: {
        inForce: windows.map((w) => w.window).filter((w) => w.status === 'in_force').sort((a, b) => a.endsAt.localeCompare(b.endsAt)),
        recentlyViolated: windows.map((w) => w.window).filter((w) => w.violatedAt !== null && Date.parse(w.violatedAt) >= recent.getTime()),
      },
      convoys: { own, othersByStatus },
      camps: overviewCamps,
      stockAlerts: stockAlerts(levels, overviewCamps),
      incidents,
      peopleReached: {
        lastWeek: days.slice(0, 7).reduce((sum, d) => sum + d.people, 0),
        thisWeek: days.slice(7).reduce((sum, d) => sum + d.people, 0),
        days,
      },
      sphere: SPHERE,
    };
  }
}

/** The first instant of a local day; where the clocks jumped over midnight (Syria's did), the first hour that exists. */
export function startOfDay(day: string, zone: string): Date {
  for (const time of ['00:00', '01:00']) {
    const resolved = resolveLocalTime({ date: day, time }, zone);
    if (resolved.kind === 'exact') return new Date(resolved.instant);
    if (resolved.kind === 'ambiguous') return new Date(resolved.candidates[0].instant);
  }
  throw new Error(`no start of ${day} in ${zone}`);
}

export function campsWorstFirst(camps: CampFigures[], deliveries: FoodDeliveryRow[], today: string): OverviewCamp[] {
  return camps
    .map((c) => {
      const shelter = shelterCoverage({ households: c.households, tentsOnSite: Number(c.tents) });
      const food = foodDaysLeft({
        population: c.population,
        deliveries: deliveries.filter((d) => d.camp_id === c.id).map((d) => ({ day: d.day, personDays: Number(d.person_days) })),
        storedPersonDays: Number(c.stored_person_days),
        today,
      });
      const foodShare = food === null ? 1 : Math.min(1, food / FOOD_DAYS_TARGET);
      return {
        id: c.id,
        nameEn: c.name_en,
        nameAr: c.name_ar,
        status: c.status,
        population: c.population,
        households: c.households,
        shelter,
        foodDaysLeft: food,
        severity: Math.min(shelter.coveredShare, foodShare),
      };
    })
    .sort((a, b) => a.severity - b.severity || b.population - a.population);
}

function stockAlerts(levels: LevelRow[], camps: OverviewCamp[]): StockAlert[] {
  const byId = new Map(camps.map((c) => [c.id, c]));
  return levels.flatMap((l) => {
    const supplied = [...new Set([...(l.camp_id ? [l.camp_id] : []), ...l.supplied_camp_ids])].map((id) => byId.get(id)).filter((c) => c !== undefined);
    const short = supplied.filter((c) => isShort(c, l.kind, l.cover_alert_days));
    const cover = stockCover({ level: Number(l.quantity), outflowInWindow: Number(l.outflow), thresholdDays: l.cover_alert_days, shortCamps: short.length });
    if (!cover.alert) return [];
    return [
      {
        stockPointId: l.stock_point_id,
        stockPointName: l.stock_point_name,
        itemId: l.item_id,
        itemCode: l.code,
        itemNameEn: l.name_en,
        itemNameAr: l.name_ar,
        unit: l.unit,
        level: Number(l.quantity),
        dailyOutflow: Math.round(cover.dailyOutflow * 10) / 10,
        daysOfCover: cover.daysOfCover,
        thresholdDays: l.cover_alert_days,
        reason: cover.alert,
        shortCamps: short.map((c) => c.nameEn),
      },
    ];
  });
}
