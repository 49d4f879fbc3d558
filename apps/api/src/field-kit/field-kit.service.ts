import { Injectable } from '@nestjs/common';
import { addDays, DEFAULT_TIME_ZONE, wallClockAt, type FieldKitCamp, type FieldKitResponse } from '@relief-ledger/domain';
import { DataSource } from 'typeorm';
import type { Actor } from '../common/actor.js';
import { ConvoyBoardService } from '../convoys/convoy-board.service.js';
import { OverviewRepository } from '../overview/overview.repository.js';
import { campsWorstFirst, startOfDay } from '../overview/overview.service.js';
import { PauseWindowsService } from '../pause-windows/pause-windows.service.js';
import { FieldKitRepository } from './field-kit.repository.js';

/** Food older than this is eaten: the overview's look-back, so both show the same days of food. */
const FOOD_LOOK_BACK_DAYS = 90;

/**
 * One answer with everything the field screens need, so a phone on 3G makes one request before
 * a form can be used and keeps it to work from offline. The statements run side by side; each
 * is read from an index, a maintained total or a small table.
 */
@Injectable()
export class FieldKitService {
  constructor(
    private readonly repository: FieldKitRepository,
    private readonly overview: OverviewRepository,
    private readonly convoys: ConvoyBoardService,
    private readonly windows: PauseWindowsService,
    private readonly dataSource: DataSource,
  ) {}

  async fieldKit(actor: Actor, now = new Date()): Promise<FieldKitResponse> {
    const organisationId = actor.organisationId;
    const zone = (await this.overview.zone(organisationId)) ?? DEFAULT_TIME_ZONE;
    const today = wallClockAt(now, zone).date;
    const [camps, deliveries, sites, items, stockPoints, convoys, windows] = await Promise.all([
      this.overview.camps(organisationId),
      this.overview.foodDeliveries(organisationId, addDays(today, -FOOD_LOOK_BACK_DAYS)),
      this.repository.campSites(organisationId),
      this.repository.items(),
      this.repository.stockPoints(organisationId),
      this.convoys.activeWithWindows(actor, startOfDay(addDays(today, 1), zone), now),
      this.windows.windowsWithScopes(this.dataSource.manager, now, now, now),
    ]);
    const siteOf = new Map(sites.map((site) => [site.camp_id, site]));
    return {
      asOf: now.toISOString(),
      zone,
      camps: campsWorstFirst(camps, deliveries, today).map(
        (camp): FieldKitCamp => ({ ...camp, zone: siteOf.get(camp.id)?.time_zone ?? zone, storeId: siteOf.get(camp.id)?.store_id ?? null }),
      ),
      items: items.map((r) => ({
        id: r.id,
        code: r.code,
        nameEn: r.name_en,
        nameAr: r.name_ar,
        unit: r.unit,
        kind: r.kind,
        personsPerUnit: r.persons_per_unit,
        daysPerUnit: r.days_per_unit,
        coverAlertDays: r.cover_alert_days,
      })),
      stockPoints: stockPoints.map((p) => ({
        id: p.id,
        name: p.name,
        kind: p.kind,
        locationId: p.location_id,
        locationName: p.location_name,
        campId: p.camp_id,
        version: p.version,
        levels: p.levels.map((level) => ({ itemId: level.itemId, quantity: Number(level.quantity) })),
      })),
      convoys,
      windowsInForce: windows
        .map(({ window }) => window)
        .filter((window) => window.status === 'in_force')
        .sort((a, b) => a.endsAt.localeCompare(b.endsAt)),
    };
  }
}
