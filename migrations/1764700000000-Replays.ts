import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One place for the keys of creating requests (a client id or an Idempotency-Key header), so
 * that every creating request is replayable by one rule (common/replay): the key, the hash of
 * what was asked, and what was made (the record's id, or the whole answer for a request that
 * made no single record, such as a CSV import). The primary key is the concurrency strategy: a
 * second request with the same key waits on it until the first commits, then finds its answer.
 *
 * Distributions keep their key on their own rows (the hot path writes it in its one statement);
 * the keys incidents and convoy events kept on theirs are copied here, so re-sends from before
 * still find their first answer.
 */
export class Replays1764700000000 implements MigrationInterface {
  name = 'Replays1764700000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE idempotency_keys (
        organisation_id uuid NOT NULL,
        operation text NOT NULL,
        key text NOT NULL,
        request_hash text NOT NULL,
        record_id uuid,
        -- json, not jsonb: the answer comes back as it was sent, fields in their order
        answer json,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_idempotency_keys PRIMARY KEY (organisation_id, operation, key),
        CONSTRAINT fk_idempotency_keys_organisation FOREIGN KEY (organisation_id) REFERENCES organisations (id) ON DELETE RESTRICT,
        CONSTRAINT chk_idempotency_keys_key CHECK (length(key) BETWEEN 1 AND 200)
      )`);
    await queryRunner.query(`ALTER TABLE idempotency_keys ENABLE ROW LEVEL SECURITY`);
    await queryRunner.query(`
      CREATE POLICY idempotency_keys_organisation ON idempotency_keys FOR ALL TO relief_app
      USING (organisation_id = relief_current_organisation()) WITH CHECK (organisation_id = relief_current_organisation())`);
    await queryRunner.query(`GRANT SELECT, INSERT, UPDATE ON idempotency_keys TO relief_app`);
    await queryRunner.query(`
      INSERT INTO idempotency_keys (organisation_id, operation, key, request_hash, record_id, created_at)
      SELECT organisation_id, 'incident.report', client_key, request_hash, id, created_at FROM incidents WHERE client_key IS NOT NULL`);
    await queryRunner.query(`
      INSERT INTO idempotency_keys (organisation_id, operation, key, request_hash, record_id, created_at)
      SELECT e.organisation_id, CASE e.kind WHEN 'check_in' THEN 'convoy.check_in' ELSE 'convoy.status' END, e.convoy_id || ':' || e.client_key, e.request_hash, e.id, e.recorded_at
      FROM convoy_events e WHERE e.client_key IS NOT NULL`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE idempotency_keys`);
  }
}
