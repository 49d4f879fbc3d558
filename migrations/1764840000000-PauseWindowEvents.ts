import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Pause windows change after they are entered: a window ends early ("the pause ended at 14:00,
 * says OCHA") or was entered wrongly and is corrected. Each change is an event of the window's
 * history (who, when, what changed, the reason or the source of the news), append-only like
 * the ledger; the window row keeps the current state, with a version so that two people
 * correcting at once do not overwrite each other.
 *
 * Every window has its `entered` event however it was inserted (the app, the demo loader), by
 * the insert trigger; windows entered before this migration get theirs from their own row.
 * Windows are shared by every organisation, and so is their history.
 */
export class PauseWindowEvents1764840000000 implements MigrationInterface {
  name = 'PauseWindowEvents1764840000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE pause_windows ADD COLUMN version integer NOT NULL DEFAULT 1`);
    await queryRunner.query(`
      CREATE TABLE pause_window_events (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        window_id uuid NOT NULL,
        kind text NOT NULL,
        -- the window's version this event made
        version integer NOT NULL,
        -- [{ "field": "endsAt", "from": "…", "to": "…" }]: empty for entered
        changes jsonb NOT NULL DEFAULT '[]',
        -- why it was corrected
        reason text,
        -- where the news of the early end came from
        source text,
        organisation_id uuid NOT NULL,
        recorded_by uuid NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_pause_window_events PRIMARY KEY (id),
        CONSTRAINT fk_pause_window_events_window FOREIGN KEY (window_id) REFERENCES pause_windows (id) ON DELETE RESTRICT,
        CONSTRAINT fk_pause_window_events_organisation FOREIGN KEY (organisation_id) REFERENCES organisations (id) ON DELETE RESTRICT,
        CONSTRAINT fk_pause_window_events_recorded_by FOREIGN KEY (recorded_by) REFERENCES users (id) ON DELETE RESTRICT,
        CONSTRAINT uq_pause_window_events_version UNIQUE (window_id, version),
        CONSTRAINT chk_pause_window_events_kind CHECK (kind IN ('entered', 'ended', 'corrected')),
        CONSTRAINT chk_pause_window_events_reason CHECK ((kind = 'corrected') = (reason IS NOT NULL)),
        CONSTRAINT chk_pause_window_events_source CHECK ((kind = 'ended') = (source IS NOT NULL))
      )`);
    await queryRunner.query(`
      INSERT INTO pause_window_events (window_id, kind, version, organisation_id, recorded_by, recorded_at)
      SELECT id, 'entered', 1, organisation_id, recorded_by, created_at FROM pause_windows`);
    await queryRunner.query(`
      CREATE FUNCTION pause_window_events_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'pause_window_events is append-only: correct a window with a new event' USING ERRCODE = 'insufficient_privilege';
      END
      $$`);
    await queryRunner.query(`
      CREATE TRIGGER trg_pause_window_events_append_only BEFORE UPDATE OR DELETE ON pause_window_events
      FOR EACH ROW EXECUTE FUNCTION pause_window_events_refuse_change()`);
    await queryRunner.query(`
      CREATE TRIGGER trg_pause_window_events_no_truncate BEFORE TRUNCATE ON pause_window_events
      FOR EACH STATEMENT EXECUTE FUNCTION pause_window_events_refuse_change()`);
    await queryRunner.query(`
      CREATE FUNCTION pause_windows_entered() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO pause_window_events (window_id, kind, version, organisation_id, recorded_by, recorded_at)
        VALUES (NEW.id, 'entered', NEW.version, NEW.organisation_id, NEW.recorded_by, NEW.created_at);
        RETURN NULL;
      END
      $$`);
    await queryRunner.query(`
      CREATE TRIGGER trg_pause_windows_entered AFTER INSERT ON pause_windows
      FOR EACH ROW EXECUTE FUNCTION pause_windows_entered()`);
    // Shared like the windows; the app may add events, never change them.
    await queryRunner.query(`GRANT SELECT, INSERT ON pause_window_events TO relief_app`);
    // A correction may name other routes or areas: the old ones go (the history keeps their names).
    await queryRunner.query(`GRANT DELETE ON pause_window_routes, pause_window_areas TO relief_app`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`REVOKE DELETE ON pause_window_routes, pause_window_areas FROM relief_app`);
    await queryRunner.query(`REVOKE ALL ON pause_window_events FROM relief_app`);
    await queryRunner.query(`DROP TRIGGER trg_pause_windows_entered ON pause_windows`);
    await queryRunner.query(`DROP FUNCTION pause_windows_entered()`);
    await queryRunner.query(`DROP TABLE pause_window_events`);
    await queryRunner.query(`DROP FUNCTION pause_window_events_refuse_change()`);
    await queryRunner.query(`ALTER TABLE pause_windows DROP COLUMN version`);
  }
}
