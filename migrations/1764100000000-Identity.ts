import { MigrationInterface, QueryRunner } from 'typeorm';

/** Staff, sessions, API tokens, sign-in throttling and the append-only audit trail. */
export class Identity1764100000000 implements MigrationInterface {
  name = 'Identity1764100000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE users (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL,
        name text NOT NULL,
        email text NOT NULL,
        role text NOT NULL,
        password_hash text NOT NULL,
        active boolean NOT NULL DEFAULT true,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_users PRIMARY KEY (id),
        CONSTRAINT fk_users_organisation FOREIGN KEY (organisation_id) REFERENCES organisations (id) ON DELETE RESTRICT,
        CONSTRAINT uq_users_email UNIQUE (email),
        CONSTRAINT chk_users_role CHECK (role IN ('admin', 'coordinator', 'field', 'manager')),
        -- stored lower-case, so that the unique constraint is case-insensitive
        CONSTRAINT chk_users_email CHECK (email = lower(email) AND length(email) BETWEEN 3 AND 254 AND position('@' IN email) > 1),
        CONSTRAINT chk_users_name CHECK (length(name) BETWEEN 1 AND 200)
      )`);
    await queryRunner.query(`CREATE INDEX ix_users_organisation_id ON users (organisation_id)`);

    // Only a hash of each token is kept: a copy of this table lets nobody sign in.
    await queryRunner.query(`
      CREATE TABLE sessions (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        token_hash bytea NOT NULL,
        user_id uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_seen_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        ended_at timestamptz,
        CONSTRAINT pk_sessions PRIMARY KEY (id),
        CONSTRAINT uq_sessions_token_hash UNIQUE (token_hash),
        CONSTRAINT fk_sessions_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
      )`);
    await queryRunner.query(`CREATE INDEX ix_sessions_user_id ON sessions (user_id)`);

    await queryRunner.query(`
      CREATE TABLE api_tokens (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL,
        user_id uuid NOT NULL,
        name text NOT NULL,
        token_hash bytea NOT NULL,
        created_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_used_at timestamptz,
        revoked_at timestamptz,
        CONSTRAINT pk_api_tokens PRIMARY KEY (id),
        CONSTRAINT uq_api_tokens_token_hash UNIQUE (token_hash),
        CONSTRAINT fk_api_tokens_organisation FOREIGN KEY (organisation_id) REFERENCES organisations (id) ON DELETE RESTRICT,
        CONSTRAINT fk_api_tokens_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
        CONSTRAINT fk_api_tokens_created_by FOREIGN KEY (created_by) REFERENCES users (id) ON DELETE RESTRICT,
        CONSTRAINT chk_api_tokens_name CHECK (length(name) BETWEEN 1 AND 100)
      )`);
    await queryRunner.query(`CREATE INDEX ix_api_tokens_organisation_id ON api_tokens (organisation_id)`);

    // Failed sign-ins of the last minutes, per account and per address, for throttling.
    await queryRunner.query(`
      CREATE TABLE sign_in_failures (
        id bigint GENERATED ALWAYS AS IDENTITY,
        email text NOT NULL,
        address text NOT NULL,
        at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_sign_in_failures PRIMARY KEY (id)
      )`);
    await queryRunner.query(`CREATE INDEX ix_sign_in_failures_email_at ON sign_in_failures (email, at)`);
    await queryRunner.query(`CREATE INDEX ix_sign_in_failures_address_at ON sign_in_failures (address, at)`);
    // Pruning old failures must not scan the table (it runs on every failure).
    await queryRunner.query(`CREATE INDEX ix_sign_in_failures_at ON sign_in_failures (at)`);

    // Who did what, when. Field names only: never passwords, tokens or the values themselves.
    await queryRunner.query(`
      CREATE TABLE audit_log (
        id bigint GENERATED ALWAYS AS IDENTITY,
        at timestamptz NOT NULL DEFAULT now(),
        organisation_id uuid,
        user_id uuid,
        action text NOT NULL,
        entity text NOT NULL,
        entity_id text,
        changed_fields text[] NOT NULL DEFAULT '{}',
        CONSTRAINT pk_audit_log PRIMARY KEY (id)
      )`);
    await queryRunner.query(`CREATE INDEX ix_audit_log_organisation_at ON audit_log (organisation_id, at DESC)`);
    await queryRunner.query(`
      CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END
      $$`);
    await queryRunner.query(`
      CREATE TRIGGER trg_audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
      FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change()`);
    await queryRunner.query(`
      CREATE TRIGGER trg_audit_log_no_truncate BEFORE TRUNCATE ON audit_log
      FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE audit_log`);
    await queryRunner.query(`DROP FUNCTION audit_log_refuse_change()`);
    await queryRunner.query(`DROP TABLE sign_in_failures`);
    await queryRunner.query(`DROP TABLE api_tokens`);
    await queryRunner.query(`DROP TABLE sessions`);
    await queryRunner.query(`DROP TABLE users`);
  }
}
