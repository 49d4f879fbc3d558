import { MigrationInterface, QueryRunner } from 'typeorm';

/** Organisations, the OCHA location hierarchy and camps. */
export class Foundation1764000000000 implements MigrationInterface {
  name = 'Foundation1764000000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE organisations (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        name text NOT NULL,
        short_code text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_organisations PRIMARY KEY (id),
        CONSTRAINT uq_organisations_name UNIQUE (name),
        CONSTRAINT uq_organisations_short_code UNIQUE (short_code)
      )`);

    await queryRunner.query(`
      CREATE TABLE locations (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        pcode text NOT NULL,
        level text NOT NULL,
        parent_id uuid,
        name_en text NOT NULL,
        name_ar text NOT NULL,
        latitude double precision,
        longitude double precision,
        time_zone text NOT NULL DEFAULT 'Asia/Damascus',
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_locations PRIMARY KEY (id),
        CONSTRAINT uq_locations_pcode UNIQUE (pcode),
        CONSTRAINT fk_locations_parent FOREIGN KEY (parent_id) REFERENCES locations (id) ON DELETE RESTRICT,
        CONSTRAINT chk_locations_level CHECK (level IN ('governorate', 'district', 'sub_district', 'community')),
        -- only a governorate stands at the top of the tree
        CONSTRAINT chk_locations_parent CHECK ((level = 'governorate') = (parent_id IS NULL)),
        CONSTRAINT chk_locations_point CHECK ((latitude IS NULL) = (longitude IS NULL) AND latitude BETWEEN -90 AND 90 AND longitude BETWEEN -180 AND 180)
      )`);
    await queryRunner.query(`CREATE INDEX ix_locations_parent_id ON locations (parent_id)`);

    await queryRunner.query(`
      CREATE TABLE camps (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL,
        location_id uuid NOT NULL,
        name_en text NOT NULL,
        name_ar text NOT NULL,
        status text NOT NULL DEFAULT 'open',
        population integer NOT NULL,
        households integer NOT NULL,
        capacity integer NOT NULL,
        opened_on date,
        closed_on date,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_camps PRIMARY KEY (id),
        CONSTRAINT fk_camps_organisation FOREIGN KEY (organisation_id) REFERENCES organisations (id) ON DELETE RESTRICT,
        CONSTRAINT fk_camps_location FOREIGN KEY (location_id) REFERENCES locations (id) ON DELETE RESTRICT,
        CONSTRAINT chk_camps_status CHECK (status IN ('planned', 'open', 'full', 'closed')),
        CONSTRAINT chk_camps_figures CHECK (population >= 0 AND households >= 0 AND capacity >= 0 AND households <= population),
        CONSTRAINT chk_camps_names CHECK (length(name_en) BETWEEN 1 AND 200 AND length(name_ar) BETWEEN 1 AND 200),
        -- closed_on is set exactly when the camp is closed, and never before it opened
        CONSTRAINT chk_camps_closed CHECK ((status = 'closed') = (closed_on IS NOT NULL) AND (closed_on IS NULL OR opened_on IS NULL OR closed_on >= opened_on))
      )`);
    await queryRunner.query(`CREATE INDEX ix_camps_organisation_id ON camps (organisation_id)`);
    await queryRunner.query(`CREATE INDEX ix_camps_location_id ON camps (location_id)`);
    // A retried "create camp" must not leave two camps of one name in one agency.
    await queryRunner.query(`CREATE UNIQUE INDEX uq_camps_organisation_name ON camps (organisation_id, lower(name_en))`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE camps`);
    await queryRunner.query(`DROP TABLE locations`);
    await queryRunner.query(`DROP TABLE organisations`);
  }
}
