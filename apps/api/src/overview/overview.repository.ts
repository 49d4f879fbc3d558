import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/**
 * The overview's read model: what it needs of camps, stock and distributions, in a handful of
 * statements whose cost does not grow with the ledger. Distributions are read from
 * `distribution_day_totals` (kept by trigger, one row per local day, site, item and stock
 * point), stock from `stock_levels`, losses from their partial index; never by scanning
 * `distributions` or `stock_movements`. Reads only; every method takes the organisation.
 */

export interface CampFigures {
  id: string;
  name_en: string;
  name_ar: string;
  status: string;
  population: number;
  households: number;
  /** Family tents in the camp's stores plus those handed out at the camp, ever. */
  tents: number;
  /** Person-days of food in the camp's own stores. */
  stored_person_days: number;
}

export interface FoodDeliveryRow {
  camp_id: string;
  day: string;
  person_days: number;
}

export interface LevelRow {
  stock_point_id: string;
  stock_point_name: string;
  camp_id: string | null;
  item_id: string;
  code: string;
  name_en: string;
  name_ar: string;
  unit: string;
  kind: string;
  cover_alert_days: number;
  quantity: number;
  /** Distributed and lost over the window. */
  outflow: number;
  /** Camps this point handed this item out at within the window. */
  supplied_camp_ids: string[];
}

@Injectable()
export class OverviewRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The zone most of the organisation's camps are in: the days and weeks of the overview. */
  async zone(organisationId: string): Promise<string | null> {
    const [row] = await this.dataSource.query(
      `SELECT l.time_zone FROM camps c JOIN locations l ON l.id = c.location_id WHERE c.organisation_id = $1 GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`,
      [organisationId],
    );
    return row?.time_zone ?? null;
  }

  async camps(organisationId: string): Promise<CampFigures[]> {
    return this.dataSource.query(
      `WITH own AS (SELECT * FROM camps WHERE organisation_id = $1 AND status <> 'closed'),
       stored AS (
         SELECT p.camp_id,
                sum(s.quantity) FILTER (WHERE i.kind = 'shelter') AS tents,
                sum(s.quantity * i.persons_per_unit * i.days_per_unit) FILTER (WHERE i.kind = 'food') AS person_days
         FROM stock_levels s JOIN stock_points p ON p.id = s.stock_point_id JOIN items i ON i.id = s.item_id
         WHERE p.organisation_id = $1 AND p.camp_id IS NOT NULL GROUP BY p.camp_id),
       handed AS (
         SELECT t.camp_id, sum(t.quantity) AS tents FROM distribution_day_totals t JOIN items i ON i.id = t.item_id
         WHERE t.camp_id IN (SELECT id FROM own) AND i.kind = 'shelter' GROUP BY t.camp_id)
       SELECT c.id, c.name_en, c.name_ar, c.status, c.population, c.households,
              (coalesce(st.tents, 0) + coalesce(h.tents, 0))::float8 AS tents,
              coalesce(st.person_days, 0)::float8 AS stored_person_days
       FROM own c LEFT JOIN stored st ON st.camp_id = c.id LEFT JOIN handed h ON h.camp_id = c.id`,
      [organisationId],
    );
  }

  /** Food handed out at the organisation's camps per local day since `since`, in person-days. */
  async foodDeliveries(organisationId: string, since: string): Promise<FoodDeliveryRow[]> {
    return this.dataSource.query(
      `SELECT t.camp_id, to_char(t.day, 'YYYY-MM-DD') AS day, sum(t.quantity * i.persons_per_unit * i.days_per_unit)::float8 AS person_days
       FROM distribution_day_totals t JOIN items i ON i.id = t.item_id
       WHERE t.organisation_id = $1 AND t.day >= $2 AND t.camp_id IS NOT NULL AND i.kind = 'food' AND i.days_per_unit IS NOT NULL
       GROUP BY 1, 2`,
      [organisationId, since],
    );
  }

  /**
   * Every stock level of the organisation's stores and warehouses (not convoys in transit) with
   * what went out of it since `since` (a local day) and `sinceInstant` (losses, by time).
   */
  async levels(organisationId: string, since: string, sinceInstant: Date): Promise<LevelRow[]> {
    return this.dataSource.query(
      `WITH handed AS (
         SELECT stock_point_id, item_id, sum(quantity) AS quantity, array_agg(DISTINCT camp_id) FILTER (WHERE camp_id IS NOT NULL) AS camp_ids
         FROM distribution_day_totals WHERE organisation_id = $1 AND day >= $2 GROUP BY 1, 2),
       lost AS (
         SELECT m.stock_point_id, m.item_id, -sum(m.quantity) AS quantity
         FROM stock_levels s JOIN stock_movements m ON m.stock_point_id = s.stock_point_id AND m.item_id = s.item_id AND m.kind = 'loss' AND m.recorded_at >= $3
         WHERE s.organisation_id = $1 GROUP BY 1, 2)
       SELECT s.stock_point_id, p.name AS stock_point_name, p.camp_id, s.item_id, i.code, i.name_en, i.name_ar, i.unit, i.kind, i.cover_alert_days,
              s.quantity::float8 AS quantity,
              (coalesce(h.quantity, 0) + coalesce(l.quantity, 0))::float8 AS outflow,
              coalesce(h.camp_ids, '{}') AS supplied_camp_ids
       FROM stock_levels s JOIN stock_points p ON p.id = s.stock_point_id JOIN items i ON i.id = s.item_id
       LEFT JOIN handed h ON h.stock_point_id = s.stock_point_id AND h.item_id = s.item_id
       LEFT JOIN lost l ON l.stock_point_id = s.stock_point_id AND l.item_id = s.item_id
       WHERE s.organisation_id = $1 AND p.kind <> 'in_transit'
       ORDER BY p.name, i.code`,
      [organisationId, since, sinceInstant],
    );
  }

  /** People reached per local day from `from` to `to` (inclusive). */
  async peopleReached(organisationId: string, from: string, to: string): Promise<Array<{ day: string; people: number }>> {
    return this.dataSource.query(
      `SELECT to_char(day, 'YYYY-MM-DD') AS day, sum(people)::float8 AS people FROM distribution_day_totals
       WHERE organisation_id = $1 AND day BETWEEN $2 AND $3 GROUP BY day`,
      [organisationId, from, to],
    );
  }
}
