import { Injectable } from '@nestjs/common';
import { REPORT_COLUMNS } from '@relief-ledger/domain';
import { ADMIN_TREE, localDateTime, nameIn, parameters, startOfLocalDay, underPcode, type ReportContext, type ReportSql } from './report-sql.js';

/**
 * Convoy and incident reports. A convoy belongs to the month it left in (or was planned to leave
 * in, if it never did), in the report's zone. Incidents are shared by every organisation, with
 * the incident list's rule: another organisation's convoy or camp is never named.
 */
@Injectable()
export class ConvoyReportsRepository {
  /** Per month, purpose and final status: convoys, people evacuated, cargo delivered and lost, incidents; windows violated that month. */
  monthly(ctx: ReportContext): ReportSql {
    const { values, p } = parameters(ctx.placeholders);
    const zone = p(ctx.zone, 'text');
    const text = `WITH bounds AS (SELECT ${startOfLocalDay(p(ctx.from, 'text'), zone)} AS t0, ${startOfLocalDay(`${p(ctx.to, 'date')} + 1`, zone)} AS t1),
      own AS (
        SELECT c.*, to_char(coalesce(c.departed_at, c.planned_departure_at) AT TIME ZONE ${zone}, 'YYYY-MM') AS month
        FROM convoys c, bounds b
        WHERE c.organisation_id = ${p(ctx.organisationId, 'uuid')}
          AND coalesce(c.departed_at, c.planned_departure_at) >= b.t0 AND coalesce(c.departed_at, c.planned_departure_at) < b.t1),
      cargo AS (
        SELECT convoy_id, sum(quantity) FILTER (WHERE state = 'delivered') AS delivered, sum(quantity) FILTER (WHERE state = 'lost') AS lost
        FROM convoy_cargo WHERE convoy_id IN (SELECT id FROM own) GROUP BY 1),
      hits AS (SELECT convoy_id, count(*) AS incidents FROM incidents WHERE convoy_id IN (SELECT id FROM own) GROUP BY 1),
      violated AS (
        SELECT to_char(w.violated_at AT TIME ZONE ${zone}, 'YYYY-MM') AS month, count(*) AS windows
        FROM pause_windows w, bounds b WHERE w.violated_at >= b.t0 AND w.violated_at < b.t1 GROUP BY 1)
      SELECT o.month AS "month", o.purpose AS "purpose", o.status AS "status", count(*) AS "convoys",
             coalesce(sum(o.people_aboard) FILTER (WHERE o.purpose IN ('evacuation', 'mixed') AND o.status = 'arrived'), 0) AS "peopleEvacuated",
             coalesce(sum(cg.delivered), 0) AS "cargoDelivered", coalesce(sum(cg.lost), 0) AS "cargoLost",
             coalesce(sum(h.incidents), 0) AS "incidents", coalesce(max(v.windows), 0) AS "windowsViolated"
      FROM own o LEFT JOIN cargo cg ON cg.convoy_id = o.id LEFT JOIN hits h ON h.convoy_id = o.id LEFT JOIN violated v ON v.month = o.month
      GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`;
    return { text, values, columns: REPORT_COLUMNS['convoys-monthly'] };
  }

  /** The organisation's own convoys, one row each. */
  log(ctx: ReportContext): ReportSql {
    const { values, p } = parameters(ctx.placeholders);
    const zone = p(ctx.zone, 'text');
    const text = `WITH bounds AS (SELECT ${startOfLocalDay(p(ctx.from, 'text'), zone)} AS t0, ${startOfLocalDay(`${p(ctx.to, 'date')} + 1`, zone)} AS t1)
      SELECT c.name AS "name", c.purpose AS "purpose", r.name AS "route",
             ${localDateTime('c.planned_departure_at', zone)} AS "plannedDeparture",
             ${localDateTime('c.departed_at', zone)} AS "departed",
             ${localDateTime('c.ended_at', zone)} AS "ended",
             round(extract(epoch FROM c.ended_at - c.departed_at) / 60)::int AS "durationMinutes",
             c.status AS "status", c.people_aboard AS "people", c.vehicle_count AS "vehicles"
      FROM convoys c JOIN routes r ON r.id = c.route_id, bounds b
      WHERE c.organisation_id = ${p(ctx.organisationId, 'uuid')}
        AND coalesce(c.departed_at, c.planned_departure_at) >= b.t0 AND coalesce(c.departed_at, c.planned_departure_at) < b.t1
      ORDER BY coalesce(c.departed_at, c.planned_departure_at), c.name`;
    return { text, values, columns: REPORT_COLUMNS['convoy-log'] };
  }

  /** Every organisation's incidents; the camp and convoy only when they are the reader's own. */
  incidents(ctx: ReportContext): ReportSql {
    const { values, p, when } = parameters(ctx.placeholders);
    const zone = p(ctx.zone, 'text');
    const organisation = p(ctx.organisationId, 'uuid');
    const text = `WITH RECURSIVE ${ADMIN_TREE},
      bounds AS (SELECT ${startOfLocalDay(p(ctx.from, 'text'), zone)} AS t0, ${startOfLocalDay(`${p(ctx.to, 'date')} + 1`, zone)} AS t1)
      SELECT ${localDateTime('i.occurred_at', zone)} AS "occurredAt", i.kind AS "kind",
             coalesce(${nameIn('l', ctx.language)}, i.place) AS "place", ${nameIn('a2', ctx.language)} AS "adm2Name", r.name AS "route",
             CASE WHEN i.organisation_id = ${organisation} THEN ${nameIn('c', ctx.language)} END AS "camp",
             CASE WHEN i.organisation_id = ${organisation} THEN cv.name END AS "convoy",
             i.killed AS "killed", i.injured AS "injured", o.name AS "reportedBy", i.description AS "description"
      FROM incidents i CROSS JOIN bounds b
      JOIN organisations o ON o.id = i.organisation_id
      LEFT JOIN locations l ON l.id = i.location_id
      LEFT JOIN tree tr ON tr.id = i.location_id
      LEFT JOIN locations a2 ON a2.id = tr.adm2
      LEFT JOIN routes r ON r.id = i.route_id
      LEFT JOIN camps c ON c.id = i.camp_id
      LEFT JOIN convoys cv ON cv.id = i.convoy_id
      WHERE i.occurred_at >= b.t0 AND i.occurred_at < b.t1
        AND ${when(ctx.pcode, 'text', (v) => `(tr.id IS NOT NULL AND ${underPcode('tr', v)})`)}
      ORDER BY i.occurred_at, i.id`;
    return { text, values, columns: REPORT_COLUMNS.incidents };
  }
}
