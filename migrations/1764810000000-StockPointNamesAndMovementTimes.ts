import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Stock points can be renamed, so they carry a version (an ETag) like every other record that
 * changes: two coordinators renaming the same warehouse at once get a 409, not a silent overwrite.
 *
 * A movement may have happened before it was recorded: a warehouse shelled at night is written
 * off in the morning; a convoy's cargo moves at the time of its status change, which a phone may
 * send hours later. `occurred_at` holds that time when it differs from `recorded_at`; NULL means
 * "when recorded" (or, for a distribution, the distribution's own time), so the rows already in
 * the append-only ledger need no UPDATE.
 */
export class StockPointNamesAndMovementTimes1764810000000 implements MigrationInterface {
  name = 'StockPointNamesAndMovementTimes1764810000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE stock_points ADD COLUMN version integer NOT NULL DEFAULT 1, ADD COLUMN updated_at timestamptz`);
    await queryRunner.query(`ALTER TABLE stock_points ADD CONSTRAINT chk_stock_points_version CHECK (version >= 1)`);
    await queryRunner.query(`ALTER TABLE stock_movements ADD COLUMN occurred_at timestamptz`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE stock_movements DROP COLUMN occurred_at`);
    await queryRunner.query(`ALTER TABLE stock_points DROP CONSTRAINT chk_stock_points_version`);
    await queryRunner.query(`ALTER TABLE stock_points DROP COLUMN updated_at, DROP COLUMN version`);
  }
}
