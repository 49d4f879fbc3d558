import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Makes a 20,000-row CSV import (and every single distribution) cheaper for the database
 * without giving up what it guarantees.
 *
 * A distribution row had six foreign keys, each checked row by row (about 3 µs a check, and a
 * KEY SHARE lock on rows that every distribution shares: the organisation, the item). Three of
 * them said less than one composite key now says: a distribution draws from a stock level of
 * its own organisation. The level's key (stock point, item) proves the item and the stock point
 * exist, and the level now carries its stock point's organisation, which the organisations
 * table guards. The camp's key gains the organisation too, so the database itself now refuses a
 * distribution at another agency's camp or from another agency's store (the service checked
 * that before; nothing did underneath). Six checks a row become four.
 *
 * An import now writes one movement per stock level it draws from (reference "CSV import <id>,
 * N rows") instead of one per row: the level still never changes without the movement that
 * explains it, in the same transaction. `import_id` ties that movement to the distributions it
 * stands for (and to the import's audit row, whose entity_id it is).
 */
export class StockLoadSpeed1764250000000 implements MigrationInterface {
  name = 'StockLoadSpeed1764250000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // Composite foreign keys need a unique key to point at; id alone is already unique, so
    // these never refuse a row, they only make (id, organisation_id) referable.
    await queryRunner.query(`ALTER TABLE stock_points ADD CONSTRAINT uq_stock_points_id_organisation UNIQUE (id, organisation_id)`);
    await queryRunner.query(`ALTER TABLE camps ADD CONSTRAINT uq_camps_id_organisation UNIQUE (id, organisation_id)`);
    await queryRunner.query(`ALTER TABLE stock_levels ADD CONSTRAINT uq_stock_levels_level_organisation UNIQUE (stock_point_id, item_id, organisation_id)`);

    // A level belongs to its stock point's organisation (its organisation_id was unchecked).
    await queryRunner.query(`
      ALTER TABLE stock_levels
        DROP CONSTRAINT fk_stock_levels_stock_point,
        ADD CONSTRAINT fk_stock_levels_stock_point FOREIGN KEY (stock_point_id, organisation_id) REFERENCES stock_points (id, organisation_id) ON DELETE RESTRICT`);

    // organisation, item and stock point: one check on the level the stock was drawn from.
    await queryRunner.query(`
      ALTER TABLE distributions
        DROP CONSTRAINT fk_distributions_organisation,
        DROP CONSTRAINT fk_distributions_item,
        DROP CONSTRAINT fk_distributions_stock_point,
        DROP CONSTRAINT fk_distributions_camp,
        ADD CONSTRAINT fk_distributions_level FOREIGN KEY (stock_point_id, item_id, organisation_id)
          REFERENCES stock_levels (stock_point_id, item_id, organisation_id) ON DELETE RESTRICT,
        ADD CONSTRAINT fk_distributions_camp FOREIGN KEY (camp_id, organisation_id) REFERENCES camps (id, organisation_id) ON DELETE RESTRICT,
        ADD COLUMN import_id uuid`);
    // No index on distributions.import_id: nothing reads by it yet, and every imported row would pay for one.
    await queryRunner.query(`COMMENT ON COLUMN distributions.import_id IS 'The CSV import that recorded this row; its stock was drawn by the movements with the same import_id'`);

    await queryRunner.query(`
      ALTER TABLE stock_movements
        ADD COLUMN import_id uuid,
        ADD CONSTRAINT chk_stock_movements_import CHECK (import_id IS NULL OR (kind = 'distribution' AND distribution_id IS NULL))`);
    await queryRunner.query(`COMMENT ON COLUMN stock_movements.import_id IS 'One movement per stock level for all the rows of a CSV import: the distributions with this import_id'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    // Movements written by imports keep their quantity and reference; only the link column goes.
    await queryRunner.query(`ALTER TABLE stock_movements DROP CONSTRAINT chk_stock_movements_import, DROP COLUMN import_id`);
    await queryRunner.query(`
      ALTER TABLE distributions
        DROP COLUMN import_id,
        DROP CONSTRAINT fk_distributions_camp,
        DROP CONSTRAINT fk_distributions_level,
        ADD CONSTRAINT fk_distributions_organisation FOREIGN KEY (organisation_id) REFERENCES organisations (id) ON DELETE RESTRICT,
        ADD CONSTRAINT fk_distributions_camp FOREIGN KEY (camp_id) REFERENCES camps (id) ON DELETE RESTRICT,
        ADD CONSTRAINT fk_distributions_item FOREIGN KEY (item_id) REFERENCES items (id) ON DELETE RESTRICT,
        ADD CONSTRAINT fk_distributions_stock_point FOREIGN KEY (stock_point_id) REFERENCES stock_points (id) ON DELETE RESTRICT`);
    await queryRunner.query(`
      ALTER TABLE stock_levels
        DROP CONSTRAINT fk_stock_levels_stock_point,
        ADD CONSTRAINT fk_stock_levels_stock_point FOREIGN KEY (stock_point_id) REFERENCES stock_points (id) ON DELETE RESTRICT`);
    await queryRunner.query(`ALTER TABLE stock_levels DROP CONSTRAINT uq_stock_levels_level_organisation`);
    await queryRunner.query(`ALTER TABLE camps DROP CONSTRAINT uq_camps_id_organisation`);
    await queryRunner.query(`ALTER TABLE stock_points DROP CONSTRAINT uq_stock_points_id_organisation`);
  }
}
