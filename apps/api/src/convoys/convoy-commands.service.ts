import { Injectable } from '@nestjs/common';
import { checkConvoyTransition, CHECK_IN_INTERVAL_DEFAULT_MINUTES, SAFETY_MARGIN_DEFAULT_MINUTES } from '@relief-ledger/domain';
import type { ConvoyDetailResponse, ConvoyEventResponse, LiveEvent } from '@relief-ledger/domain';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService, changedFieldNames } from '../audit/audit.service.js';
import type { Actor } from '../common/actor.js';
import { Replays } from '../common/replay/replays.js';
import { reportedAt } from '../common/validation/reported-at.js';
import { IncidentsService } from '../incidents/incidents.service.js';
import { LiveEventsService } from '../live-events/live-events.service.js';
import { LocationsService } from '../locations/locations.service.js';
import { RoutesService } from '../routes/routes.service.js';
import { StockRepository } from '../stock/stock.repository.js';
import { ConvoyBoardService } from './convoy-board.service.js';
import { ConvoyCargoService } from './convoy-cargo.service.js';
import { type ConvoyRow, toEventResponse } from './convoy-rows.js';
import { ConvoysRepository, type NewEvent } from './convoys.repository.js';
import { ConvoysException } from './convoys.exception.js';
import { CheckInDto, ConvoyStatusDto, CreateConvoyDto } from './dto/convoy.dto.js';

/**
 * What changes a convoy of the actor's organisation: planning it, moving it through its
 * statuses (with its cargo, see ConvoyCargoService) and checking in from the road. Each write
 * commits with its audit row and its live event; other organisations see the status only.
 */
@Injectable()
export class ConvoyCommandsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: ConvoysRepository,
    private readonly board: ConvoyBoardService,
    private readonly cargo: ConvoyCargoService,
    private readonly stock: StockRepository,
    private readonly audit: AuditService,
    private readonly live: LiveEventsService,
    private readonly routes: RoutesService,
    private readonly locations: LocationsService,
    private readonly incidents: IncidentsService,
    private readonly replays: Replays,
  ) {}

  async create(actor: Actor, dto: CreateConvoyDto, idempotencyKey?: string): Promise<{ replayed: boolean; convoy: ConvoyDetailResponse }> {
    const cargo = dto.cargo ?? [];
    if (cargo.length > 0 && !dto.destinationStockPointId) throw ConvoysException.invalid('destinationStockPointId', 'field.destination_required');
    if (dto.vehicles && dto.vehicles.length > dto.vehicleCount) throw ConvoysException.invalid('vehicles', 'field.too_many_vehicles', { count: dto.vehicleCount });
    const lines = new Set(cargo.map((c) => `${c.stockPointId}:${c.itemId}`));
    if (lines.size !== cargo.length) throw ConvoysException.invalid('cargo', 'field.cargo_repeats');

    const { replayed, id } = await this.dataSource.transaction(async (manager) => {
      await this.live.beginPublishing(manager);
      const claim = await this.replays.claim(manager, actor.organisationId, { operation: 'convoy.plan', clientId: dto.clientId, header: idempotencyKey, content: dto });
      // A plan sent again answers the convoy as it is now (it may have left since).
      if (claim?.replayed) return { replayed: true, id: claim.recordId! };
      if (!(await this.routes.exists(manager, dto.routeId))) throw ConvoysException.unknown('routeId', 'route');
      const pointIds = [...new Set([...cargo.map((c) => c.stockPointId), ...(dto.destinationStockPointId ? [dto.destinationStockPointId] : [])])];
      const points = await this.stock.ownPointIds(manager, actor.organisationId, pointIds);
      const missingPoint = pointIds.find((p) => !points.has(p));
      if (missingPoint) {
        const index = cargo.findIndex((c) => c.stockPointId === missingPoint);
        throw ConvoysException.unknown(index >= 0 ? `cargo.${index}.stockPointId` : 'destinationStockPointId', 'stock point in your organisation');
      }
      const items = await this.stock.itemIds(manager, cargo.map((c) => c.itemId));
      const missingItem = cargo.findIndex((c) => !items.has(c.itemId));
      if (missingItem >= 0) throw ConvoysException.unknown(`cargo.${missingItem}.itemId`, 'item');

      const convoyId = await this.repository.plan(manager, actor.organisationId, {
        name: dto.name,
        purpose: dto.purpose,
        routeId: dto.routeId,
        plannedDepartureAt: dto.plannedDepartureAt,
        expectedDurationMinutes: dto.expectedDurationMinutes,
        safetyMarginMinutes: dto.safetyMarginMinutes ?? SAFETY_MARGIN_DEFAULT_MINUTES,
        vehicleCount: dto.vehicleCount,
        vehicles: dto.vehicles ?? [],
        peopleAboard: dto.peopleAboard ?? null,
        checkInIntervalMinutes: dto.checkInIntervalMinutes ?? CHECK_IN_INTERVAL_DEFAULT_MINUTES,
        destinationStockPointId: dto.destinationStockPointId ?? null,
        notes: dto.notes ?? null,
        createdBy: actor.userId,
        cargo,
      });
      await this.audit.record(manager, actor, { action: 'create', entity: 'convoy', entityId: convoyId, changedFields: changedFieldNames(dto) });
      await this.publishStatus(manager, (await this.repository.findById(manager, actor.organisationId, convoyId))!, null);
      await claim?.settle({ recordId: convoyId });
      return { replayed: false, id: convoyId };
    });
    return { replayed, convoy: await this.board.detail(actor, id, new Date()) };
  }

  /**
   * Moves the convoy to `dto.status` if the transition table allows it and nobody changed it
   * meanwhile, with its cargo: drawn into transit on departure, received at the destination on
   * arrival, back to its source if aborted on the road, written off against the incident if struck.
   */
  async changeStatus(actor: Actor, id: string, dto: ConvoyStatusDto, version: number, now = new Date(), idempotencyKey?: string): Promise<{ replayed: boolean; convoy: ConvoyDetailResponse }> {
    const occurredAt = this.notInTheFuture(dto.occurredAt, now);
    if (dto.status === 'struck' && Boolean(dto.incident) === Boolean(dto.incidentId)) {
      throw ConvoysException.invalid('incident', 'field.incident_required');
    }
    if (dto.status !== 'struck' && (dto.incident || dto.incidentId)) throw ConvoysException.invalid('incident', 'field.incident_only_struck');
    const replayed = await this.dataSource.transaction(async (manager) => {
      await this.live.beginPublishing(manager);
      const convoy = await this.repository.lockOwnOrThrow(manager, actor.organisationId, id);
      // A phone re-sending a change that went through (its answer was lost) gets the convoy as
      // it is now, not a "changed meanwhile". The version sent does not make it another change.
      const claim = await this.replays.claim(manager, actor.organisationId, {
        operation: 'convoy.status',
        scope: id,
        clientId: dto.clientId,
        header: idempotencyKey,
        content: { ...dto, occurredAt: dto.occurredAt ? occurredAt : undefined },
        hash: { omit: ['clientId', 'version'] },
      });
      if (claim?.replayed) return true;
      if (convoy.version !== version) throw ConvoysException.staleVersion(version, convoy.version);
      const check = checkConvoyTransition(convoy.status, dto.status);
      if (!check.ok) throw ConvoysException.illegalTransition(check);
      this.notBeforeDeparture(convoy, occurredAt);
      if (dto.locationId) await this.checkLocation(manager, dto.locationId);

      let incidentId: string | null = null;
      if (dto.incident) {
        const { incident } = await this.incidents.reportIn(
          manager,
          actor,
          { ...dto.incident, occurredAt, convoyId: id, routeId: convoy.route_id, locationId: dto.locationId, place: dto.place },
          now,
        );
        incidentId = incident.id;
      } else if (dto.incidentId) {
        if (!(await this.incidents.concernsConvoyOrNone(manager, dto.incidentId, id))) throw ConvoysException.unknown('incidentId', 'incident of this convoy');
        incidentId = dto.incidentId;
      }

      await this.cargo.moveCargo(manager, actor, convoy, dto.status, incidentId, occurredAt);
      await this.repository.setStatus(manager, actor.organisationId, id, dto.status, occurredAt);
      const eventId = await this.repository.recordStatusEvent(manager, actor.organisationId, {
        ...this.eventOf(actor, id, dto, occurredAt),
        from: convoy.status,
        to: dto.status,
        incidentId,
      });
      await this.audit.record(manager, actor, { action: dto.status, entity: 'convoy', entityId: id, changedFields: changedFieldNames(dto) });
      const updated = (await this.repository.findById(manager, actor.organisationId, id))!;
      await this.publishStatus(manager, updated, (await this.repository.events(manager, actor.organisationId, id, eventId)).map(toEventResponse)[0]);
      await claim?.settle({ recordId: eventId });
      return false;
    });
    return { replayed, convoy: await this.board.detail(actor, id, now) };
  }

  /** "Passed Ariha, 14:10." A re-send with the same client id records it once. */
  async checkIn(actor: Actor, id: string, dto: CheckInDto, now = new Date(), idempotencyKey?: string): Promise<{ created: boolean; event: ConvoyEventResponse }> {
    const occurredAt = this.notInTheFuture(dto.occurredAt, now);
    return this.dataSource.transaction(async (manager) => {
      await this.live.beginPublishing(manager);
      const convoy = await this.repository.lockOwnOrThrow(manager, actor.organisationId, id);
      const claim = await this.replays.claim(manager, actor.organisationId, {
        operation: 'convoy.check_in',
        scope: id,
        clientId: dto.clientId,
        header: idempotencyKey,
        content: { ...dto, occurredAt: dto.occurredAt ? occurredAt : undefined },
      });
      if (claim?.replayed) return { created: false, event: await this.event(manager, actor, id, claim.recordId!) };
      if (convoy.status !== 'departed') throw ConvoysException.notOnTheRoad(convoy.status);
      this.notBeforeDeparture(convoy, occurredAt);
      if (dto.locationId) await this.checkLocation(manager, dto.locationId);
      const eventId = await this.repository.recordCheckIn(manager, actor.organisationId, this.eventOf(actor, id, dto, occurredAt));
      await this.repository.checkedInAt(manager, actor.organisationId, id, occurredAt);
      await this.audit.record(manager, actor, { action: 'check_in', entity: 'convoy', entityId: id, changedFields: changedFieldNames(dto) });
      const event = await this.event(manager, actor, id, eventId);
      const payload: LiveEvent = { type: 'convoy.check_in', convoyId: id, organisationId: actor.organisationId, status: convoy.status, event };
      await this.live.publish(manager, { organisationId: actor.organisationId, payload, sharedPayload: null });
      await claim?.settle({ recordId: eventId });
      return { created: true, event };
    });
  }

  /** What a status change and a check-in both record on the timeline. */
  private eventOf(actor: Actor, convoyId: string, dto: Pick<CheckInDto, 'locationId' | 'place' | 'note'>, occurredAt: string): NewEvent {
    return {
      convoyId,
      occurredAt,
      locationId: dto.locationId ?? null,
      place: dto.place ?? null,
      note: dto.note ?? null,
      // Keys live with the replay rule's (common/replay) now, not on the event.
      clientKey: null,
      requestHash: null,
      recordedBy: actor.userId,
    };
  }

  private async event(manager: EntityManager, actor: Actor, convoyId: string, eventId: string): Promise<ConvoyEventResponse> {
    return (await this.repository.events(manager, actor.organisationId, convoyId, eventId)).map(toEventResponse)[0];
  }

  private notBeforeDeparture(convoy: ConvoyRow, occurredAt: string): void {
    if (convoy.departed_at && Date.parse(occurredAt) < convoy.departed_at.getTime()) {
      throw ConvoysException.invalid('occurredAt', 'field.before_departure', { departedAt: convoy.departed_at.toISOString() });
    }
  }

  private async checkLocation(manager: EntityManager, locationId: string): Promise<void> {
    if (!(await this.locations.exists(locationId, manager))) throw ConvoysException.unknown('locationId', 'location');
  }

  private notInTheFuture(at: string | undefined, now: Date): string {
    return reportedAt(at, now, () => ConvoysException.invalid('occurredAt', 'field.in_the_future')).toISOString();
  }

  /** The status for everyone; the event (place, note, time) for the convoy's own organisation only. */
  private async publishStatus(manager: EntityManager, convoy: ConvoyRow, event: ConvoyEventResponse | null): Promise<void> {
    const shared: LiveEvent = {
      type: 'convoy.status',
      convoyId: convoy.id,
      organisationId: convoy.organisation_id,
      organisationName: convoy.organisation_name,
      status: convoy.status,
      event: null,
    };
    await this.live.publish(manager, { organisationId: convoy.organisation_id, payload: { ...shared, event }, sharedPayload: shared });
  }
}
