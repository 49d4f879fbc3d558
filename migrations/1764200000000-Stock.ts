import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Relief items, stock points, stock levels with their append-only movement ledger, and
 * distributions. A level never changes without its movement (same transaction), never goes
 * below zero (CHECK), and no movement is ever edited or deleted (trigger): a mistake is undone
 * by a reversal pointing at it.
 */
export class Stock1764200000000 implements MigrationInterface {
  name = 'Stock1764200000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // The catalogue is shared by every organisation, so that reports add up across agencies.
    await queryRunner.query(`
      CREATE TABLE items (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        code text NOT NULL,
        name_en text NOT NULL,
        name_ar text NOT NULL,
        unit text NOT NULL,
        kind text NOT NULL,
        persons_per_unit integer,
        days_per_unit integer,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_items PRIMARY KEY (id),
        CONSTRAINT uq_items_code UNIQUE (code),
        CONSTRAINT chk_items_kind CHECK (kind IN ('food', 'shelter', 'non_food', 'water', 'hygiene', 'health')),
        CONSTRAINT chk_items_figures CHECK ((persons_per_unit IS NULL OR persons_per_unit > 0) AND (days_per_unit IS NULL OR days_per_unit > 0))
      )`);

    await queryRunner.query(`
      CREATE TABLE stock_points (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL,
        location_id uuid NOT NULL,
        camp_id uuid,
        name text NOT NULL,
        kind text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_stock_points PRIMARY KEY (id),
        CONSTRAINT fk_stock_points_organisation FOREIGN KEY (organisation_id) REFERENCES organisations (id) ON DELETE RESTRICT,
        CONSTRAINT fk_stock_points_location FOREIGN KEY (location_id) REFERENCES locations (id) ON DELETE RESTRICT,
        CONSTRAINT fk_stock_points_camp FOREIGN KEY (camp_id) REFERENCES camps (id) ON DELETE RESTRICT,
        CONSTRAINT chk_stock_points_kind CHECK (kind IN ('warehouse', 'camp_store')),
        -- a camp store belongs to a camp; a warehouse to none
        CONSTRAINT chk_stock_points_camp CHECK ((kind = 'camp_store') = (camp_id IS NOT NULL)),
        CONSTRAINT chk_stock_points_name CHECK (length(name) BETWEEN 1 AND 200)
      )`);
    await queryRunner.query(`CREATE INDEX ix_stock_points_organisation_id ON stock_points (organisation_id)`);
    await queryRunner.query(`CREATE UNIQUE INDEX uq_stock_points_organisation_name ON stock_points (organisation_id, lower(name))`);

    await queryRunner.query(`
      CREATE TABLE stock_levels (
        stock_point_id uuid NOT NULL,
        item_id uuid NOT NULL,
        organisation_id uuid NOT NULL,
        quantity bigint NOT NULL DEFAULT 0,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_stock_levels PRIMARY KEY (stock_point_id, item_id),
        CONSTRAINT fk_stock_levels_stock_point FOREIGN KEY (stock_point_id) REFERENCES stock_points (id) ON DELETE RESTRICT,
        CONSTRAINT fk_stock_levels_item FOREIGN KEY (item_id) REFERENCES items (id) ON DELETE RESTRICT,
        -- the last line of defence: stock never goes negative, whatever the code above does
        CONSTRAINT chk_stock_levels_quantity CHECK (quantity >= 0)
      )`);

    await queryRunner.query(`
      CREATE TABLE stock_movements (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        -- the order of movements on one level: they are serialised by the level's row lock,
        -- so this sequence is the order in which the level changed (for running balances)
        seq bigint GENERATED ALWAYS AS IDENTITY,
        organisation_id uuid NOT NULL,
        stock_point_id uuid NOT NULL,
        item_id uuid NOT NULL,
        kind text NOT NULL,
        quantity bigint NOT NULL,
        reference text,
        loss_cause text,
        reason text,
        transfer_id uuid,
        reverses_id uuid,
        distribution_id uuid,
        recorded_by uuid NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        CONSTRAINT pk_stock_movements PRIMARY KEY (id),
        CONSTRAINT fk_stock_movements_level FOREIGN KEY (stock_point_id, item_id) REFERENCES stock_levels (stock_point_id, item_id) ON DELETE RESTRICT,
        CONSTRAINT fk_stock_movements_reverses FOREIGN KEY (reverses_id) REFERENCES stock_movements (id) ON DELETE RESTRICT,
        CONSTRAINT fk_stock_movements_recorded_by FOREIGN KEY (recorded_by) REFERENCES users (id) ON DELETE RESTRICT,
        -- a movement is undone at most once
        CONSTRAINT uq_stock_movements_reverses UNIQUE (reverses_id),
        CONSTRAINT chk_stock_movements_kind CHECK (kind IN ('receipt', 'transfer_out', 'transfer_in', 'distribution', 'loss', 'adjustment', 'reversal')),
        -- quantity is the signed change of the level; its sign follows from the kind
        CONSTRAINT chk_stock_movements_sign CHECK (
          quantity <> 0
          AND (kind NOT IN ('receipt', 'transfer_in') OR quantity > 0)
          AND (kind NOT IN ('transfer_out', 'distribution', 'loss') OR quantity < 0)),
        CONSTRAINT chk_stock_movements_loss CHECK ((kind = 'loss') = (loss_cause IS NOT NULL) AND (loss_cause IS NULL OR loss_cause IN ('destroyed', 'looted', 'spoiled', 'missing'))),
        CONSTRAINT chk_stock_movements_reason CHECK (kind <> 'adjustment' OR reason IS NOT NULL),
        CONSTRAINT chk_stock_movements_reversal CHECK ((kind = 'reversal') = (reverses_id IS NOT NULL)),
        CONSTRAINT chk_stock_movements_transfer CHECK ((kind IN ('transfer_out', 'transfer_in')) = (transfer_id IS NOT NULL))
      )`);
    await queryRunner.query(`CREATE INDEX ix_stock_movements_level ON stock_movements (stock_point_id, item_id, seq)`);
    await queryRunner.query(`CREATE INDEX ix_stock_movements_organisation_id ON stock_movements (organisation_id)`);
    await queryRunner.query(`
      CREATE FUNCTION stock_movements_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'stock_movements is append-only: correct a movement with a reversal' USING ERRCODE = 'insufficient_privilege';
      END
      $$`);
    await queryRunner.query(`
      CREATE TRIGGER trg_stock_movements_append_only BEFORE UPDATE OR DELETE ON stock_movements
      FOR EACH ROW EXECUTE FUNCTION stock_movements_refuse_change()`);

    // client_key: the id the phone made up for this distribution (or its Idempotency-Key), so a
    // re-send after a dropped connection finds the first one instead of drawing stock twice.
    await queryRunner.query(`
      CREATE TABLE distributions (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL,
        client_key text NOT NULL,
        request_hash text NOT NULL,
        camp_id uuid,
        location_id uuid NOT NULL,
        item_id uuid NOT NULL,
        stock_point_id uuid NOT NULL,
        quantity integer NOT NULL,
        households integer NOT NULL,
        people integer NOT NULL,
        distributed_at timestamptz NOT NULL,
        notes text,
        stock_left bigint NOT NULL,
        recorded_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_distributions PRIMARY KEY (id),
        CONSTRAINT uq_distributions_client_key UNIQUE (organisation_id, client_key),
        CONSTRAINT fk_distributions_organisation FOREIGN KEY (organisation_id) REFERENCES organisations (id) ON DELETE RESTRICT,
        CONSTRAINT fk_distributions_camp FOREIGN KEY (camp_id) REFERENCES camps (id) ON DELETE RESTRICT,
        CONSTRAINT fk_distributions_location FOREIGN KEY (location_id) REFERENCES locations (id) ON DELETE RESTRICT,
        CONSTRAINT fk_distributions_item FOREIGN KEY (item_id) REFERENCES items (id) ON DELETE RESTRICT,
        CONSTRAINT fk_distributions_stock_point FOREIGN KEY (stock_point_id) REFERENCES stock_points (id) ON DELETE RESTRICT,
        CONSTRAINT fk_distributions_recorded_by FOREIGN KEY (recorded_by) REFERENCES users (id) ON DELETE RESTRICT,
        CONSTRAINT chk_distributions_figures CHECK (quantity > 0 AND households >= 0 AND people >= households AND stock_left >= 0)
      )`);
    await queryRunner.query(`CREATE INDEX ix_distributions_organisation_at ON distributions (organisation_id, distributed_at DESC)`);
    await queryRunner.query(`CREATE INDEX ix_distributions_camp_item ON distributions (camp_id, item_id)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE distributions`);
    await queryRunner.query(`DROP TABLE stock_movements`);
    await queryRunner.query(`DROP FUNCTION stock_movements_refuse_change()`);
    await queryRunner.query(`DROP TABLE stock_levels`);
    await queryRunner.query(`DROP TABLE stock_points`);
    await queryRunner.query(`DROP TABLE items`);
  }
}
