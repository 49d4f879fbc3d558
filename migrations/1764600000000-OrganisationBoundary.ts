import { MigrationInterface, QueryRunner } from 'typeorm';

/** Tables an organisation owns: each row carries organisation_id, and only that organisation sees it. */
const OWNED = [
  'camps',
  'users',
  'sessions',
  'api_tokens',
  'audit_log',
  'stock_points',
  'stock_levels',
  'stock_movements',
  'distributions',
  'distribution_day_totals',
  'convoys',
  'convoy_cargo',
  'convoy_events',
];

/** Shared by every organisation (places, the catalogue, roads, windows, incidents) or by nobody in particular (the live-event bus, sign-in failures). */
const SHARED = ['organisations', 'locations', 'items', 'routes', 'route_stops', 'pause_windows', 'pause_window_routes', 'pause_window_areas', 'incidents', 'live_events', 'sign_in_failures'];

/** Append-only by the database's word: the app may add to them, never change or remove. */
const APPEND_ONLY = ['audit_log', 'stock_movements', 'convoy_events'];

/** Rows the app removes: expired sign-in failures and old live events. Nothing else is ever deleted. */
const DELETABLE = ['sign_in_failures', 'live_events'];

/**
 * The organisation boundary, kept by PostgreSQL rather than by every query remembering it.
 *
 * The app connects as `relief_app`, a role that owns nothing and is no superuser; the tables
 * belong to the role that runs the migrations. Every table an organisation owns has row-level
 * security: `relief_app` sees and writes only rows of the organisation named by the setting
 * `relief.organisation_id`, which the app sets on a connection when it hands it to a request
 * (common/database/organisation-context.ts). Without it, owned tables look empty. Shared tables
 * stay readable as they were. The append-only triggers now bind the app for real: it has no
 * UPDATE or DELETE on audit_log, stock_movements or convoy_events at all.
 *
 * Before a request knows its organisation it can only ask three functions that run as the
 * owner (SECURITY DEFINER): who a session or an API token belongs to, and who signs in with
 * an email. Other organisations' convoys reach the board by status only, through a fourth.
 *
 * The role is created here without a login; the app gives it one (a password derived from the
 * owner's, see database/app-role.ts), or an operator grants it to a login role of their own.
 * Roles belong to the whole server, so `down` leaves it in place for other databases.
 */
export class OrganisationBoundary1764600000000 implements MigrationInterface {
  name = 'OrganisationBoundary1764600000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DO $$ BEGIN
        CREATE ROLE relief_app NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS;
      EXCEPTION WHEN duplicate_object THEN NULL;
      END $$`);

    // Two owned tables lacked the column every owned table carries.
    await queryRunner.query(`ALTER TABLE sessions ADD COLUMN organisation_id uuid`);
    await queryRunner.query(`UPDATE sessions s SET organisation_id = u.organisation_id FROM users u WHERE u.id = s.user_id`);
    await queryRunner.query(`
      ALTER TABLE sessions
        ALTER COLUMN organisation_id SET NOT NULL,
        ADD CONSTRAINT fk_sessions_organisation FOREIGN KEY (organisation_id) REFERENCES organisations (id) ON DELETE RESTRICT`);
    await queryRunner.query(`ALTER TABLE convoy_cargo ADD COLUMN organisation_id uuid`);
    await queryRunner.query(`UPDATE convoy_cargo g SET organisation_id = c.organisation_id FROM convoys c WHERE c.id = g.convoy_id`);
    await queryRunner.query(`
      ALTER TABLE convoy_cargo
        ALTER COLUMN organisation_id SET NOT NULL,
        ADD CONSTRAINT fk_convoy_cargo_organisation FOREIGN KEY (organisation_id) REFERENCES organisations (id) ON DELETE RESTRICT`);

    // The organisation of the connection's current request; NULL (nothing matches) when unset.
    await queryRunner.query(`
      CREATE FUNCTION relief_current_organisation() RETURNS uuid LANGUAGE sql STABLE PARALLEL SAFE AS $$
        SELECT nullif(current_setting('relief.organisation_id', true), '')::uuid
      $$`);
    for (const table of OWNED) {
      await queryRunner.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await queryRunner.query(`
        CREATE POLICY ${table}_organisation ON ${table} FOR ALL TO relief_app
        USING (organisation_id = relief_current_organisation())
        WITH CHECK (organisation_id = relief_current_organisation())`);
    }

    await queryRunner.query(`GRANT USAGE ON SCHEMA public TO relief_app`);
    await queryRunner.query(`GRANT SELECT, INSERT ON ${[...OWNED, ...SHARED].join(', ')} TO relief_app`);
    await queryRunner.query(`GRANT UPDATE ON ${[...OWNED, ...SHARED].filter((t) => !APPEND_ONLY.includes(t)).join(', ')} TO relief_app`);
    await queryRunner.query(`GRANT DELETE ON ${DELETABLE.join(', ')} TO relief_app`);
    await queryRunner.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO relief_app`);

    // Before the organisation is known: who a session or an API token belongs to, who signs in
    // with an email. Nothing for an unknown or ended credential.
    await queryRunner.query(`
      CREATE FUNCTION relief_session_actor(p_token_hash bytea, p_idle_minutes integer)
      RETURNS TABLE (user_id uuid, organisation_id uuid, role text, name text, credential_id uuid, touch boolean)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        SELECT u.id, u.organisation_id, u.role, u.name, s.id, s.last_seen_at < now() - interval '1 minute'
        FROM sessions s JOIN users u ON u.id = s.user_id
        WHERE s.token_hash = p_token_hash AND s.ended_at IS NULL AND s.expires_at > now()
          AND s.last_seen_at > now() - make_interval(mins => p_idle_minutes) AND u.active
      $$`);
    await queryRunner.query(`
      CREATE FUNCTION relief_api_token_actor(p_token_hash bytea)
      RETURNS TABLE (user_id uuid, organisation_id uuid, role text, name text, credential_id uuid, touch boolean)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        SELECT u.id, u.organisation_id, u.role, u.name, t.id, (t.last_used_at IS NULL OR t.last_used_at < now() - interval '1 minute')
        FROM api_tokens t JOIN users u ON u.id = t.user_id
        WHERE t.token_hash = p_token_hash AND t.revoked_at IS NULL AND u.active AND u.organisation_id = t.organisation_id
      $$`);
    await queryRunner.query(`
      CREATE FUNCTION relief_sign_in_user(p_email text)
      RETURNS TABLE (id uuid, password_hash text, active boolean, organisation_id uuid)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        SELECT u.id, u.password_hash, u.active, u.organisation_id FROM users u WHERE u.email = p_email
      $$`);
    // Every organisation's convoys planned, on the road, or ended lately: their status and nothing more.
    await queryRunner.query(`
      CREATE FUNCTION relief_convoy_statuses(recent_hours integer)
      RETURNS TABLE (id uuid, organisation_id uuid, organisation_name text, status text, status_at timestamptz)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        -- The time of the status itself (planned, left, ended), never of the last write: check-ins
        -- would show others the convoy's rhythm on the road, and a record loaded later its load time.
        SELECT c.id, c.organisation_id, o.name, c.status,
               CASE c.status WHEN 'planned' THEN c.created_at WHEN 'departed' THEN c.departed_at ELSE c.ended_at END
        FROM convoys c JOIN organisations o ON o.id = c.organisation_id
        WHERE c.status IN ('planned', 'departed') OR c.ended_at > now() - make_interval(hours => recent_hours)
      $$`);
    for (const fn of ['relief_session_actor(bytea, integer)', 'relief_api_token_actor(bytea)', 'relief_sign_in_user(text)', 'relief_convoy_statuses(integer)']) {
      await queryRunner.query(`REVOKE EXECUTE ON FUNCTION ${fn} FROM PUBLIC`);
      await queryRunner.query(`GRANT EXECUTE ON FUNCTION ${fn} TO relief_app`);
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const fn of ['relief_convoy_statuses(integer)', 'relief_sign_in_user(text)', 'relief_api_token_actor(bytea)', 'relief_session_actor(bytea, integer)']) {
      await queryRunner.query(`DROP FUNCTION ${fn}`);
    }
    await queryRunner.query(`REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM relief_app`);
    await queryRunner.query(`REVOKE ALL ON ${[...OWNED, ...SHARED].join(', ')} FROM relief_app`);
    await queryRunner.query(`REVOKE USAGE ON SCHEMA public FROM relief_app`);
    for (const table of [...OWNED].reverse()) {
      await queryRunner.query(`DROP POLICY ${table}_organisation ON ${table}`);
      await queryRunner.query(`ALTER TABLE ${table} DISABLE ROW LEVEL SECURITY`);
    }
    await queryRunner.query(`DROP FUNCTION relief_current_organisation()`);
    await queryRunner.query(`ALTER TABLE convoy_cargo DROP CONSTRAINT fk_convoy_cargo_organisation, DROP COLUMN organisation_id`);
    await queryRunner.query(`ALTER TABLE sessions DROP CONSTRAINT fk_sessions_organisation, DROP COLUMN organisation_id`);
  }
}
