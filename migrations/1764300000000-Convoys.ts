import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Routes, pause windows, incidents and convoys, and the table of live events behind
 * `/api/v1/events`.
 *
 * Who sees what: routes, pause windows and incidents are shared by every organisation
 * (coordination: everyone must know a window was broken). A convoy's route and times belong to
 * its organisation; others see its status only (the API enforces that, and so does the
 * `shared_payload` of its live events).
 *
 * Times are instants (timestamptz). A pause window also keeps the IANA zone it was announced
 * in, so "until 18:00 local" can be shown as it was said, whatever the zone's rules do later.
 */
export class Convoys1764300000000 implements MigrationInterface {
  name = 'Convoys1764300000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE routes (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        name text NOT NULL,
        -- GeoJSON LineString coordinates [[lon, lat], ...], for a map later
        line jsonb,
        organisation_id uuid NOT NULL,
        created_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_routes PRIMARY KEY (id),
        CONSTRAINT fk_routes_organisation FOREIGN KEY (organisation_id) REFERENCES organisations (id) ON DELETE RESTRICT,
        CONSTRAINT fk_routes_created_by FOREIGN KEY (created_by) REFERENCES users (id) ON DELETE RESTRICT,
        CONSTRAINT chk_routes_name CHECK (length(name) BETWEEN 1 AND 200),
        CONSTRAINT chk_routes_line CHECK (line IS NULL OR jsonb_typeof(line) = 'array')
      )`);
    // Shared by every organisation, so one name means one road for everybody.
    await queryRunner.query(`CREATE UNIQUE INDEX uq_routes_name ON routes (lower(name))`);
    await queryRunner.query(`
      CREATE TABLE route_stops (
        route_id uuid NOT NULL,
        position integer NOT NULL,
        location_id uuid NOT NULL,
        CONSTRAINT pk_route_stops PRIMARY KEY (route_id, position),
        CONSTRAINT fk_route_stops_route FOREIGN KEY (route_id) REFERENCES routes (id) ON DELETE CASCADE,
        CONSTRAINT fk_route_stops_location FOREIGN KEY (location_id) REFERENCES locations (id) ON DELETE RESTRICT,
        CONSTRAINT chk_route_stops_position CHECK (position >= 0)
      )`);
    await queryRunner.query(`CREATE INDEX ix_route_stops_location_id ON route_stops (location_id)`);

    await queryRunner.query(`
      CREATE TABLE incidents (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        kind text NOT NULL,
        occurred_at timestamptz NOT NULL,
        location_id uuid,
        route_id uuid,
        place text,
        convoy_id uuid,
        camp_id uuid,
        killed integer NOT NULL DEFAULT 0,
        injured integer NOT NULL DEFAULT 0,
        description text NOT NULL,
        -- the reporting organisation and person; the incident itself is seen by everyone
        organisation_id uuid NOT NULL,
        reported_by uuid NOT NULL,
        -- the id the phone made up, so a re-sent report is recorded once
        client_key text,
        request_hash text,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_incidents PRIMARY KEY (id),
        CONSTRAINT fk_incidents_location FOREIGN KEY (location_id) REFERENCES locations (id) ON DELETE RESTRICT,
        CONSTRAINT fk_incidents_route FOREIGN KEY (route_id) REFERENCES routes (id) ON DELETE RESTRICT,
        CONSTRAINT fk_incidents_camp FOREIGN KEY (camp_id) REFERENCES camps (id) ON DELETE RESTRICT,
        CONSTRAINT fk_incidents_organisation FOREIGN KEY (organisation_id) REFERENCES organisations (id) ON DELETE RESTRICT,
        CONSTRAINT fk_incidents_reported_by FOREIGN KEY (reported_by) REFERENCES users (id) ON DELETE RESTRICT,
        CONSTRAINT uq_incidents_client_key UNIQUE (organisation_id, client_key),
        CONSTRAINT chk_incidents_client_key CHECK ((client_key IS NULL) = (request_hash IS NULL)),
        CONSTRAINT chk_incidents_kind CHECK (kind IN ('airstrike', 'shelling', 'armed_attack', 'blocked_road', 'detention', 'accident', 'other')),
        CONSTRAINT chk_incidents_casualties CHECK (killed >= 0 AND injured >= 0),
        -- an incident nobody can place helps nobody plan around it
        CONSTRAINT chk_incidents_where CHECK (location_id IS NOT NULL OR route_id IS NOT NULL OR place IS NOT NULL)
      )`);
    await queryRunner.query(`CREATE INDEX ix_incidents_occurred_at ON incidents (occurred_at DESC)`);
    await queryRunner.query(`CREATE INDEX ix_incidents_route_id ON incidents (route_id, occurred_at)`);

    await queryRunner.query(`
      CREATE TABLE pause_windows (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        announced_by text NOT NULL,
        source_text text NOT NULL,
        announced_at timestamptz NOT NULL,
        -- the IANA zone the times were announced in, e.g. Asia/Damascus
        zone text NOT NULL,
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        notes text,
        violated_at timestamptz,
        violated_by_incident_id uuid,
        organisation_id uuid NOT NULL,
        recorded_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_pause_windows PRIMARY KEY (id),
        CONSTRAINT fk_pause_windows_incident FOREIGN KEY (violated_by_incident_id) REFERENCES incidents (id) ON DELETE RESTRICT,
        CONSTRAINT fk_pause_windows_organisation FOREIGN KEY (organisation_id) REFERENCES organisations (id) ON DELETE RESTRICT,
        CONSTRAINT fk_pause_windows_recorded_by FOREIGN KEY (recorded_by) REFERENCES users (id) ON DELETE RESTRICT,
        CONSTRAINT chk_pause_windows_times CHECK (ends_at > starts_at),
        CONSTRAINT chk_pause_windows_violated CHECK ((violated_at IS NULL) = (violated_by_incident_id IS NULL))
      )`);
    await queryRunner.query(`CREATE INDEX ix_pause_windows_times ON pause_windows (ends_at, starts_at)`);
    await queryRunner.query(`
      CREATE TABLE pause_window_routes (
        window_id uuid NOT NULL,
        route_id uuid NOT NULL,
        CONSTRAINT pk_pause_window_routes PRIMARY KEY (window_id, route_id),
        CONSTRAINT fk_pause_window_routes_window FOREIGN KEY (window_id) REFERENCES pause_windows (id) ON DELETE CASCADE,
        CONSTRAINT fk_pause_window_routes_route FOREIGN KEY (route_id) REFERENCES routes (id) ON DELETE RESTRICT
      )`);
    await queryRunner.query(`CREATE INDEX ix_pause_window_routes_route_id ON pause_window_routes (route_id)`);
    await queryRunner.query(`
      CREATE TABLE pause_window_areas (
        window_id uuid NOT NULL,
        location_id uuid NOT NULL,
        CONSTRAINT pk_pause_window_areas PRIMARY KEY (window_id, location_id),
        CONSTRAINT fk_pause_window_areas_window FOREIGN KEY (window_id) REFERENCES pause_windows (id) ON DELETE CASCADE,
        CONSTRAINT fk_pause_window_areas_location FOREIGN KEY (location_id) REFERENCES locations (id) ON DELETE RESTRICT
      )`);

    // A convoy's goods on the road sit in a stock point of their own ("in transit"), so that
    // departure, arrival and a strike are ordinary movements of the ledger and totals balance.
    await queryRunner.query(`ALTER TABLE stock_points DROP CONSTRAINT chk_stock_points_kind`);
    await queryRunner.query(`ALTER TABLE stock_points ADD CONSTRAINT chk_stock_points_kind CHECK (kind IN ('warehouse', 'camp_store', 'in_transit'))`);

    await queryRunner.query(`
      CREATE TABLE convoys (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL,
        name text NOT NULL,
        purpose text NOT NULL,
        route_id uuid NOT NULL,
        status text NOT NULL DEFAULT 'planned',
        planned_departure_at timestamptz NOT NULL,
        expected_duration_minutes integer NOT NULL,
        safety_margin_minutes integer NOT NULL,
        vehicle_count integer NOT NULL,
        -- [{ "plate": "...", "driver": "..." }], as far as known
        vehicles jsonb NOT NULL DEFAULT '[]',
        people_aboard integer,
        check_in_interval_minutes integer NOT NULL,
        destination_stock_point_id uuid,
        transit_stock_point_id uuid,
        departed_at timestamptz,
        ended_at timestamptz,
        last_check_in_at timestamptz,
        notes text,
        version integer NOT NULL DEFAULT 1,
        created_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_convoys PRIMARY KEY (id),
        CONSTRAINT fk_convoys_organisation FOREIGN KEY (organisation_id) REFERENCES organisations (id) ON DELETE RESTRICT,
        CONSTRAINT fk_convoys_route FOREIGN KEY (route_id) REFERENCES routes (id) ON DELETE RESTRICT,
        CONSTRAINT fk_convoys_destination FOREIGN KEY (destination_stock_point_id) REFERENCES stock_points (id) ON DELETE RESTRICT,
        CONSTRAINT fk_convoys_transit FOREIGN KEY (transit_stock_point_id) REFERENCES stock_points (id) ON DELETE RESTRICT,
        CONSTRAINT fk_convoys_created_by FOREIGN KEY (created_by) REFERENCES users (id) ON DELETE RESTRICT,
        CONSTRAINT chk_convoys_name CHECK (length(name) BETWEEN 1 AND 200),
        CONSTRAINT chk_convoys_purpose CHECK (purpose IN ('evacuation', 'supply', 'mixed')),
        CONSTRAINT chk_convoys_status CHECK (status IN ('planned', 'departed', 'arrived', 'aborted', 'struck')),
        CONSTRAINT chk_convoys_figures CHECK (
          expected_duration_minutes > 0 AND safety_margin_minutes >= 0 AND vehicle_count > 0
          AND (people_aboard IS NULL OR people_aboard >= 0) AND check_in_interval_minutes > 0),
        -- departed exactly when it has left; ended exactly when arrived, aborted or struck
        CONSTRAINT chk_convoys_departed CHECK (status IN ('planned', 'aborted') OR departed_at IS NOT NULL),
        CONSTRAINT chk_convoys_planned CHECK (status <> 'planned' OR departed_at IS NULL),
        CONSTRAINT chk_convoys_ended CHECK ((status IN ('arrived', 'aborted', 'struck')) = (ended_at IS NOT NULL)),
        CONSTRAINT chk_convoys_order CHECK (ended_at IS NULL OR departed_at IS NULL OR ended_at >= departed_at)
      )`);
    await queryRunner.query(`CREATE INDEX ix_convoys_organisation_status ON convoys (organisation_id, status)`);
    await queryRunner.query(`CREATE INDEX ix_convoys_route_status ON convoys (route_id, status)`);
    await queryRunner.query(`ALTER TABLE incidents ADD CONSTRAINT fk_incidents_convoy FOREIGN KEY (convoy_id) REFERENCES convoys (id) ON DELETE RESTRICT`);

    await queryRunner.query(`
      CREATE TABLE convoy_cargo (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        convoy_id uuid NOT NULL,
        source_stock_point_id uuid NOT NULL,
        item_id uuid NOT NULL,
        quantity integer NOT NULL,
        -- planned: not drawn yet; in_transit: drawn into the convoy's transit point; then
        -- delivered (arrived), lost (struck: written off), returned (aborted on the road) or
        -- cancelled (aborted before leaving: never drawn)
        state text NOT NULL DEFAULT 'planned',
        CONSTRAINT pk_convoy_cargo PRIMARY KEY (id),
        CONSTRAINT fk_convoy_cargo_convoy FOREIGN KEY (convoy_id) REFERENCES convoys (id) ON DELETE RESTRICT,
        CONSTRAINT fk_convoy_cargo_source FOREIGN KEY (source_stock_point_id) REFERENCES stock_points (id) ON DELETE RESTRICT,
        CONSTRAINT fk_convoy_cargo_item FOREIGN KEY (item_id) REFERENCES items (id) ON DELETE RESTRICT,
        CONSTRAINT uq_convoy_cargo_line UNIQUE (convoy_id, source_stock_point_id, item_id),
        CONSTRAINT chk_convoy_cargo_quantity CHECK (quantity > 0),
        CONSTRAINT chk_convoy_cargo_state CHECK (state IN ('planned', 'in_transit', 'delivered', 'lost', 'returned', 'cancelled'))
      )`);

    // Every status change and check-in, as it happened; never edited.
    await queryRunner.query(`
      CREATE TABLE convoy_events (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        seq bigint GENERATED ALWAYS AS IDENTITY,
        convoy_id uuid NOT NULL,
        organisation_id uuid NOT NULL,
        kind text NOT NULL,
        from_status text,
        to_status text,
        occurred_at timestamptz NOT NULL,
        location_id uuid,
        place text,
        note text,
        incident_id uuid,
        client_key text,
        request_hash text,
        recorded_by uuid NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        CONSTRAINT pk_convoy_events PRIMARY KEY (id),
        CONSTRAINT fk_convoy_events_convoy FOREIGN KEY (convoy_id) REFERENCES convoys (id) ON DELETE RESTRICT,
        CONSTRAINT fk_convoy_events_location FOREIGN KEY (location_id) REFERENCES locations (id) ON DELETE RESTRICT,
        CONSTRAINT fk_convoy_events_incident FOREIGN KEY (incident_id) REFERENCES incidents (id) ON DELETE RESTRICT,
        CONSTRAINT fk_convoy_events_recorded_by FOREIGN KEY (recorded_by) REFERENCES users (id) ON DELETE RESTRICT,
        CONSTRAINT uq_convoy_events_client_key UNIQUE (convoy_id, client_key),
        CONSTRAINT chk_convoy_events_kind CHECK (kind IN ('status', 'check_in')),
        CONSTRAINT chk_convoy_events_status CHECK ((kind = 'status') = (to_status IS NOT NULL AND from_status IS NOT NULL))
      )`);
    await queryRunner.query(`CREATE INDEX ix_convoy_events_convoy ON convoy_events (convoy_id, seq)`);
    await queryRunner.query(`
      CREATE FUNCTION convoy_events_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'convoy_events is append-only' USING ERRCODE = 'insufficient_privilege';
      END
      $$`);
    await queryRunner.query(`
      CREATE TRIGGER trg_convoy_events_append_only BEFORE UPDATE OR DELETE ON convoy_events
      FOR EACH ROW EXECUTE FUNCTION convoy_events_refuse_change()`);

    // Issue 4 promised it: a loss can name the incident that caused it.
    await queryRunner.query(`ALTER TABLE stock_movements ADD COLUMN incident_id uuid`);
    await queryRunner.query(`ALTER TABLE stock_movements ADD CONSTRAINT fk_stock_movements_incident FOREIGN KEY (incident_id) REFERENCES incidents (id) ON DELETE RESTRICT`);
    await queryRunner.query(`ALTER TABLE stock_movements ADD CONSTRAINT chk_stock_movements_incident CHECK (incident_id IS NULL OR kind = 'loss')`);

    // The live stream. Each row is what its organisation sees (payload) and what every other
    // organisation sees (shared_payload; NULL: nothing). The trigger notifies every API process
    // on commit (NOTIFY is transactional), carrying only the id; the row is read back from here,
    // and a browser that reconnects with Last-Event-ID is replayed from here too.
    await queryRunner.query(`
      CREATE TABLE live_events (
        id bigint GENERATED ALWAYS AS IDENTITY,
        type text NOT NULL,
        organisation_id uuid,
        payload jsonb NOT NULL,
        shared_payload jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_live_events PRIMARY KEY (id)
      )`);
    await queryRunner.query(`CREATE INDEX ix_live_events_created_at ON live_events (created_at)`);
    await queryRunner.query(`
      CREATE FUNCTION live_events_notify() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('relief_live_events', NEW.id::text);
        RETURN NULL;
      END
      $$`);
    await queryRunner.query(`
      CREATE TRIGGER trg_live_events_notify AFTER INSERT ON live_events
      FOR EACH ROW EXECUTE FUNCTION live_events_notify()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE live_events`);
    await queryRunner.query(`DROP FUNCTION live_events_notify()`);
    await queryRunner.query(`ALTER TABLE stock_movements DROP CONSTRAINT chk_stock_movements_incident`);
    await queryRunner.query(`ALTER TABLE stock_movements DROP CONSTRAINT fk_stock_movements_incident`);
    await queryRunner.query(`ALTER TABLE stock_movements DROP COLUMN incident_id`);
    await queryRunner.query(`DROP TABLE convoy_events`);
    await queryRunner.query(`DROP FUNCTION convoy_events_refuse_change()`);
    await queryRunner.query(`DROP TABLE convoy_cargo`);
    await queryRunner.query(`ALTER TABLE incidents DROP CONSTRAINT fk_incidents_convoy`);
    await queryRunner.query(`DROP TABLE convoys`);
    await queryRunner.query(`ALTER TABLE stock_points DROP CONSTRAINT chk_stock_points_kind`);
    await queryRunner.query(`ALTER TABLE stock_points ADD CONSTRAINT chk_stock_points_kind CHECK (kind IN ('warehouse', 'camp_store'))`);
    await queryRunner.query(`DROP TABLE pause_window_areas`);
    await queryRunner.query(`DROP TABLE pause_window_routes`);
    await queryRunner.query(`DROP TABLE pause_windows`);
    await queryRunner.query(`DROP TABLE incidents`);
    await queryRunner.query(`DROP TABLE route_stops`);
    await queryRunner.query(`DROP TABLE routes`);
  }
}
