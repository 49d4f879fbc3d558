import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What reports and the overview need, without scanning the ledger.
 *
 * `distribution_day_totals` holds distributions summed per local day at the site, location,
 * camp, item and stock point, maintained by a statement-level trigger on `distributions`: one
 * upsert per INSERT statement, whether it wrote one distribution (the hot path) or 20,000 (a CSV
 * import). The day is the calendar day in the zone of the distribution's location, so a parcel
 * handed out at 00:30 in Idlib on 1 January is January's although it is 31 December in UTC. The
 * 4W, people reached per week, camp coverage and the rate at which stock points empty all read
 * from it. It is derived: no foreign keys (each would be checked on the hot path, and the rows it
 * sums are already checked), and rebuilt here from what is recorded.
 *
 * Receipts gain the donor (funding organisation, free text) and the donor's pipeline reference,
 * for the receipts-by-donor report. Items gain the days of cover below which a stock level is
 * flagged on the overview. `csv_safe()` neutralises text cells for CSV exports streamed with
 * COPY (the same rule as neutraliseCell in libs/domain). The organisation's movements get an
 * index by time (replacing the one by organisation alone), for period reports.
 */
export class Reports1764400000000 implements MigrationInterface {
  name = 'Reports1764400000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE distribution_day_totals (
        organisation_id uuid NOT NULL,
        day date NOT NULL,
        location_id uuid NOT NULL,
        camp_id uuid,
        item_id uuid NOT NULL,
        stock_point_id uuid NOT NULL,
        distributions integer NOT NULL,
        quantity bigint NOT NULL,
        households bigint NOT NULL,
        people bigint NOT NULL,
        last_recorded_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`COMMENT ON TABLE distribution_day_totals IS 'Derived from distributions by trigger: sums per local day at the site. Never written by the app.'`);
    // A distribution outside a camp has no camp_id; NULLs are never equal in a unique index, so
    // they stand as the zero UUID in the key (an expression ON CONFLICT can name, on PostgreSQL 13+).
    await queryRunner.query(`
      CREATE UNIQUE INDEX uq_distribution_day_totals
      ON distribution_day_totals (organisation_id, day, location_id, coalesce(camp_id, '00000000-0000-0000-0000-000000000000'::uuid), item_id, stock_point_id)`);
    await queryRunner.query(`CREATE INDEX ix_distribution_day_totals_camp ON distribution_day_totals (camp_id, day) WHERE camp_id IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX ix_distribution_day_totals_stock ON distribution_day_totals (stock_point_id, item_id, day)`);
    await queryRunner.query(`
      CREATE FUNCTION distribution_day_totals_add() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO distribution_day_totals AS t
          (organisation_id, day, location_id, camp_id, item_id, stock_point_id, distributions, quantity, households, people, last_recorded_at)
        SELECT n.organisation_id, (n.distributed_at AT TIME ZONE l.time_zone)::date, n.location_id, n.camp_id, n.item_id, n.stock_point_id,
               count(*), sum(n.quantity), sum(n.households), sum(n.people), max(n.created_at)
        FROM inserted n JOIN locations l ON l.id = n.location_id
        GROUP BY 1, 2, 3, 4, 5, 6
        ON CONFLICT (organisation_id, day, location_id, coalesce(camp_id, '00000000-0000-0000-0000-000000000000'::uuid), item_id, stock_point_id)
        DO UPDATE SET
          distributions = t.distributions + excluded.distributions,
          quantity = t.quantity + excluded.quantity,
          households = t.households + excluded.households,
          people = t.people + excluded.people,
          last_recorded_at = greatest(t.last_recorded_at, excluded.last_recorded_at);
        RETURN NULL;
      END
      $$`);
    await queryRunner.query(`
      CREATE TRIGGER trg_distributions_day_totals AFTER INSERT ON distributions
      REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION distribution_day_totals_add()`);
    await queryRunner.query(`
      INSERT INTO distribution_day_totals (organisation_id, day, location_id, camp_id, item_id, stock_point_id, distributions, quantity, households, people, last_recorded_at)
      SELECT d.organisation_id, (d.distributed_at AT TIME ZONE l.time_zone)::date, d.location_id, d.camp_id, d.item_id, d.stock_point_id,
             count(*), sum(d.quantity), sum(d.households), sum(d.people), max(d.created_at)
      FROM distributions d JOIN locations l ON l.id = d.location_id
      GROUP BY 1, 2, 3, 4, 5, 6`);

    await queryRunner.query(`
      ALTER TABLE stock_movements
        ADD COLUMN donor text,
        ADD COLUMN pipeline_reference text,
        ADD CONSTRAINT chk_stock_movements_donor CHECK (
          (kind = 'receipt' OR (donor IS NULL AND pipeline_reference IS NULL))
          AND (donor IS NULL OR length(donor) BETWEEN 1 AND 200)
          AND (pipeline_reference IS NULL OR length(pipeline_reference) BETWEEN 1 AND 100))`);
    await queryRunner.query(`CREATE INDEX ix_stock_movements_donor ON stock_movements (organisation_id, lower(donor)) WHERE donor IS NOT NULL`);
    await queryRunner.query(`DROP INDEX ix_stock_movements_organisation_id`);
    await queryRunner.query(`CREATE INDEX ix_stock_movements_organisation_recorded ON stock_movements (organisation_id, recorded_at)`);
    // Losses are few; the overview's rate of outflow reads the last 14 days of them per level.
    await queryRunner.query(`CREATE INDEX ix_stock_movements_losses ON stock_movements (stock_point_id, item_id, recorded_at) WHERE kind = 'loss'`);
    // The stock card names the other end of each transfer: its other leg, found by transfer id.
    await queryRunner.query(`CREATE INDEX ix_stock_movements_transfer ON stock_movements (transfer_id) WHERE transfer_id IS NOT NULL`);

    await queryRunner.query(`
      ALTER TABLE items
        ADD COLUMN cover_alert_days integer NOT NULL DEFAULT 7,
        ADD CONSTRAINT chk_items_cover_alert_days CHECK (cover_alert_days BETWEEN 1 AND 365)`);

    await queryRunner.query(`
      CREATE FUNCTION csv_safe(value text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT CASE WHEN value ~ '^[=+@\\t\\r-]' THEN '''' || value ELSE value END
      $$`);
    await queryRunner.query(`COMMENT ON FUNCTION csv_safe(text) IS 'A text cell a spreadsheet would read as a formula, prefixed with an apostrophe (neutraliseCell in libs/domain)'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION csv_safe(text)`);
    await queryRunner.query(`ALTER TABLE items DROP CONSTRAINT chk_items_cover_alert_days, DROP COLUMN cover_alert_days`);
    await queryRunner.query(`DROP INDEX ix_stock_movements_transfer`);
    await queryRunner.query(`DROP INDEX ix_stock_movements_losses`);
    await queryRunner.query(`DROP INDEX ix_stock_movements_organisation_recorded`);
    await queryRunner.query(`CREATE INDEX ix_stock_movements_organisation_id ON stock_movements (organisation_id)`);
    await queryRunner.query(`DROP INDEX ix_stock_movements_donor`);
    await queryRunner.query(`ALTER TABLE stock_movements DROP CONSTRAINT chk_stock_movements_donor, DROP COLUMN pipeline_reference, DROP COLUMN donor`);
    await queryRunner.query(`DROP TRIGGER trg_distributions_day_totals ON distributions`);
    await queryRunner.query(`DROP FUNCTION distribution_day_totals_add()`);
    await queryRunner.query(`DROP TABLE distribution_day_totals`);
  }
}
