import { Injectable } from '@nestjs/common';
import type { ItemKind, StockPointKind } from '@relief-ledger/domain';
import { DataSource } from 'typeorm';

/**
 * The field kit's read model: what the field forms pick from that the overview does not already
 * read (its camps' zones and stores, the catalogue, every level of every store). Reads only,
 * each from an index or a small table; every method takes the organisation.
 */

export interface CampSiteRow {
  camp_id: string;
  time_zone: string;
  store_id: string | null;
}

export interface ItemRow {
  id: string;
  code: string;
  name_en: string;
  name_ar: string;
  unit: string;
  kind: ItemKind;
  persons_per_unit: number | null;
  days_per_unit: number | null;
  cover_alert_days: number;
}

export interface StockPointLevelsRow {
  id: string;
  name: string;
  kind: StockPointKind;
  location_id: string;
  location_name: string;
  camp_id: string | null;
  version: number;
  /** Items held, most first; empty when the point holds nothing. */
  levels: Array<{ itemId: string; quantity: number }>;
}

@Injectable()
export class FieldKitRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Each open camp's zone and its own store (the first by name when there are several). */
  campSites(organisationId: string): Promise<CampSiteRow[]> {
    return this.dataSource.query(
      `SELECT c.id AS camp_id, l.time_zone,
              (SELECT p.id FROM stock_points p WHERE p.organisation_id = $1 AND p.camp_id = c.id AND p.kind = 'camp_store' ORDER BY p.name, p.id LIMIT 1) AS store_id
       FROM camps c JOIN locations l ON l.id = c.location_id
       WHERE c.organisation_id = $1 AND c.status <> 'closed'`,
      [organisationId],
    );
  }

  /** The item catalogue, shared by every organisation. */
  items(): Promise<ItemRow[]> {
    return this.dataSource.query(
      `SELECT id, code, name_en, name_ar, unit, kind, persons_per_unit, days_per_unit, cover_alert_days
       FROM items ORDER BY code`,
    );
  }

  /** The organisation's stores and warehouses with what each holds, never a convoy's in-transit point. */
  stockPoints(organisationId: string): Promise<StockPointLevelsRow[]> {
    return this.dataSource.query(
      `SELECT p.id, p.name, p.kind, p.location_id, l.name_en AS location_name, p.camp_id, p.version,
              coalesce((SELECT json_agg(json_build_object('itemId', s.item_id, 'quantity', s.quantity::float8) ORDER BY s.quantity DESC, s.item_id)
                        FROM stock_levels s WHERE s.stock_point_id = p.id AND s.organisation_id = $1 AND s.quantity > 0), '[]') AS levels
       FROM stock_points p JOIN locations l ON l.id = p.location_id
       WHERE p.organisation_id = $1 AND p.kind <> 'in_transit'
       ORDER BY p.name`,
      [organisationId],
    );
  }
}
