import { Injectable } from '@nestjs/common';
import type { CargoLineResponse, ConvoyStatus } from '@relief-ledger/domain';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../common/actor.js';
import { RoutesService } from '../routes/routes.service.js';
import { type Movement, StockRepository } from '../stock/stock.repository.js';
import type { CargoRow, ConvoyRow } from './convoy-rows.js';
import { ConvoysRepository } from './convoys.repository.js';

/** What a convoy's cargo becomes when the convoy moves to each status. */
const CARGO_STATE_AFTER: Readonly<Record<ConvoyStatus, CargoLineResponse['state']>> = {
  planned: 'planned',
  departed: 'in_transit',
  arrived: 'delivered',
  aborted: 'returned',
  struck: 'lost',
};

/**
 * A convoy's cargo in the stock ledger: drawn into transit on departure, received at the
 * destination on arrival, back to its source if aborted on the road, written off against the
 * incident if struck. The goods move through the stock repository, like every other movement.
 */
@Injectable()
export class ConvoyCargoService {
  constructor(
    private readonly convoys: ConvoysRepository,
    private readonly stock: StockRepository,
    private readonly routes: RoutesService,
  ) {}

  /** In the status change's transaction, before the convoy's own status moves; the goods move at the change's time. */
  async moveCargo(manager: EntityManager, actor: Actor, convoy: ConvoyRow, to: ConvoyStatus, incidentId: string | null, occurredAt?: Date | string): Promise<void> {
    const organisationId = actor.organisationId;
    const lines = await this.convoys.cargoLines(manager, organisationId, convoy.id);
    if (lines.length === 0) return;
    if (to === 'aborted' && convoy.status === 'planned') {
      await this.convoys.cancelCargo(manager, organisationId, convoy.id);
      return;
    }
    const reference = `Convoy ${convoy.name}`;
    const base = { organisationId, recordedBy: actor.userId, reference, occurredAt };
    let transit = convoy.transit_stock_point_id;
    if (to === 'departed') {
      transit = await this.stock.openInTransitPoint(manager, organisationId, {
        locationId: await this.routes.firstStopLocationId(manager, convoy.route_id),
        name: `In transit: ${convoy.name} (${convoy.id.slice(0, 8)})`,
      });
      await this.convoys.setTransitPoint(manager, organisationId, convoy.id, transit);
    }
    if (!transit) return;

    const legs: Movement[] = [];
    const transfer = (line: CargoRow, from: string, into: string) => {
      // Both legs share one transfer id, so the ledger pairs them.
      const transferId = randomUUID();
      legs.push({ ...base, stockPointId: from, itemId: line.item_id, kind: 'transfer_out', delta: -line.quantity, transferId, field: 'cargo' });
      legs.push({ ...base, stockPointId: into, itemId: line.item_id, kind: 'transfer_in', delta: line.quantity, transferId });
    };
    const moving = lines.filter((l) => (to === 'departed' ? l.state === 'planned' : l.state === 'in_transit'));
    for (const line of moving) {
      if (to === 'departed') transfer(line, line.source_stock_point_id, transit);
      else if (to === 'arrived') transfer(line, transit, convoy.destination_stock_point_id!);
      else if (to === 'aborted') transfer(line, transit, line.source_stock_point_id);
      else if (to === 'struck') {
        legs.push({ ...base, stockPointId: transit, itemId: line.item_id, kind: 'loss', delta: -line.quantity, lossCause: 'destroyed', reason: `${reference} struck`, incidentId });
      }
    }
    // Levels are locked in one order everywhere, so two convoys sharing a warehouse cannot deadlock.
    await this.stock.moveInLockOrder(manager, legs);
    await this.convoys.setCargoState(manager, organisationId, moving.map((l) => l.id), CARGO_STATE_AFTER[to]);
  }
}
