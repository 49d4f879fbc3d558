import { Injectable } from '@nestjs/common';
import { ACTIVITY_BY_ITEM_KIND, FOUR_W_COLUMNS, SECTOR_BY_ITEM_KIND } from '@relief-ledger/domain';
import { ADMIN_TREE, nameIn, parameters, underPcode, type ReportContext, type ReportSql } from './report-sql.js';

/**
 * The 4W (3W) of distributions: who did what, where, when, for whom. Aggregated by design, from
 * `distribution_day_totals` (sums per local day kept by trigger): by admin level × item × local
 * month, never a single distribution, a coordinate or a route. Months are those of the site's
 * zone: the day totals are already local days.
 */
@Injectable()
export class DistributionReportsRepository {
  fourW(ctx: ReportContext): ReportSql {
    const { values, p, when } = parameters(ctx.placeholders);
    const level = p(ctx.level, 'text');
    const text = `WITH RECURSIVE ${ADMIN_TREE},
      grouped AS (
        SELECT t.organisation_id, t.item_id, date_trunc('month', t.day)::date AS month,
               tr.adm1,
               CASE WHEN ${level} <> 'governorate' THEN tr.adm2 END AS adm2,
               CASE WHEN ${level} IN ('sub_district', 'camp') THEN tr.adm3 END AS adm3,
               CASE WHEN ${level} = 'camp' THEN t.camp_id END AS camp_id,
               sum(t.quantity) AS quantity, sum(t.people) AS people, sum(t.households) AS households,
               min(t.day) AS first_day, max(t.day) AS last_day, max(t.last_recorded_at) AS updated
        FROM distribution_day_totals t JOIN tree tr ON tr.id = t.location_id
        WHERE t.organisation_id = ${p(ctx.organisationId, 'uuid')}
          AND t.day BETWEEN ${p(ctx.from, 'date')} AND ${p(ctx.to, 'date')}
          AND ${when(ctx.campId, 'uuid', (v) => `t.camp_id = ${v}`)}
          AND ${when(ctx.itemId, 'uuid', (v) => `t.item_id = ${v}`)}
          AND ${when(ctx.pcode, 'text', (v) => underPcode('tr', v))}
        GROUP BY 1, 2, 3, 4, 5, 6, 7)
      SELECT o.name AS "orgName", o.short_code AS "orgAcronym",
             ${p(JSON.stringify(SECTOR_BY_ITEM_KIND), 'jsonb')} ->> i.kind AS "sector",
             ${p(JSON.stringify(ACTIVITY_BY_ITEM_KIND), 'jsonb')} ->> i.kind AS "activity",
             ${nameIn('i', ctx.language)} AS "itemName", i.code AS "itemCode",
             g.quantity AS "quantity", g.people AS "people", g.households AS "households",
             ${nameIn('a1', ctx.language)} AS "adm1Name", a1.pcode AS "adm1Code", ${nameIn('a2', ctx.language)} AS "adm2Name", a2.pcode AS "adm2Code",
             ${nameIn('a3', ctx.language)} AS "adm3Name", a3.pcode AS "adm3Code", ${nameIn('c', ctx.language)} AS "camp",
             to_char(g.first_day, 'YYYY-MM-DD') AS "dateStart", to_char(g.last_day, 'YYYY-MM-DD') AS "dateEnd",
             CASE WHEN (g.month + interval '1 month')::date <= ${p(ctx.today, 'date')} THEN 'Completed' ELSE 'Ongoing' END AS "status",
             to_char(g.updated AT TIME ZONE ${p(ctx.zone, 'text')}, 'YYYY-MM-DD') AS "updated",
             left(md5(concat_ws('|', g.organisation_id, g.item_id, g.month, g.adm1, g.adm2, g.adm3, g.camp_id)), 16) AS "id"
      FROM grouped g
      JOIN organisations o ON o.id = g.organisation_id
      JOIN items i ON i.id = g.item_id
      LEFT JOIN locations a1 ON a1.id = g.adm1
      LEFT JOIN locations a2 ON a2.id = g.adm2
      LEFT JOIN locations a3 ON a3.id = g.adm3
      LEFT JOIN camps c ON c.id = g.camp_id
      ORDER BY g.month, a1.pcode, a2.pcode NULLS FIRST, a3.pcode NULLS FIRST, c.name_en NULLS FIRST, i.code`;
    return { text, values, columns: FOUR_W_COLUMNS };
  }
}
