import { Injectable } from '@nestjs/common';
import type { Language, ReportColumn } from '@relief-ledger/domain';
import type { Pool, PoolClient } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import QueryStream from 'pg-query-stream';
import type { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import { settingName, type ReportSql } from './report-sql.js';

/** An export may run longer than a request may wait for an answer; its statements get this long. */
const EXPORT_STATEMENT_TIMEOUT = '15min';

type Row = Record<string, unknown>;

/** A stream of one report's rows on a connection of its own, and how to let that connection go. */
export interface ReportStream<T> {
  stream: T;
  /** Commits and returns the connection; after an abort or an error, closes it instead. */
  finish(failed: boolean): Promise<void>;
}

/**
 * Runs a report's SQL three ways: one page with its totals (JSON), a COPY straight to CSV (the
 * fastest way out of PostgreSQL), and a cursor for XLSX. Streams hold a connection of their own
 * in a read-only transaction. A client that goes away mid-download must never send that
 * connection back to the pool in the middle of a COPY (the next request to get it would wait for
 * ever): finish(true) closes it instead.
 */
@Injectable()
export class ReportsRepository {
  constructor(private readonly dataSource: DataSource) {}

  private get pool(): Pool {
    // TypeORM's postgres driver keeps its pg Pool as `master`.
    return (this.dataSource.driver as unknown as { master: Pool }).master;
  }

  /** The zone most of the organisation's sites are in; the report's days and months are that zone's. */
  async zone(organisationId: string): Promise<string | null> {
    const [row] = await this.dataSource.query(
      `SELECT l.time_zone FROM (SELECT location_id FROM camps WHERE organisation_id = $1 UNION ALL SELECT location_id FROM stock_points WHERE organisation_id = $1) s
       JOIN locations l ON l.id = s.location_id GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`,
      [organisationId],
    );
    return row?.time_zone ?? null;
  }

  /** The language the user chose, English until they choose. */
  async language(userId: string): Promise<Language> {
    const [row] = await this.dataSource.query(`SELECT language FROM users WHERE id = $1`, [userId]);
    return row?.language ?? 'en';
  }

  async organisation(organisationId: string): Promise<{ name: string; shortCode: string }> {
    const [row] = await this.dataSource.query(`SELECT name, short_code FROM organisations WHERE id = $1`, [organisationId]);
    return { name: row.name, shortCode: row.short_code };
  }

  /** One page of rows, how many there are in all, and the sums of the summed columns over all of them. */
  async page(sql: ReportSql, page: number, pageSize: number): Promise<{ rows: Row[]; total: number; totals: Record<string, number> }> {
    const summed = sql.columns.filter((c) => c.total);
    const totalsSql = summed.map((c, n) => `, coalesce(sum(r."${c.key}"), 0)::float8 AS "t${n}"`).join('');
    const limit = sql.values.length + 1;
    const [rows, [counts]] = await Promise.all([
      this.dataSource.query(`SELECT * FROM (${sql.text}) r LIMIT $${limit} OFFSET $${limit + 1}`, [...sql.values, pageSize, (page - 1) * pageSize]),
      this.dataSource.query(`SELECT count(*)::float8 AS total${totalsSql} FROM (${sql.text}) r`, sql.values),
    ]);
    return {
      rows: rows.map((row: Row) => typed(row, sql.columns)),
      total: Number(counts.total),
      totals: Object.fromEntries(summed.map((c, n) => [c.key, Number(counts[`t${n}`])])),
    };
  }

  async count(sql: ReportSql): Promise<number> {
    const [row] = await this.dataSource.query(`SELECT count(*)::float8 AS n FROM (${sql.text}) r`, sql.values);
    return Number(row.n);
  }

  /**
   * The report as CSV rows (no header), straight from PostgreSQL's COPY: text cells through
   * csv_safe() against formula injection. `sql` must have been built in `settings` mode.
   */
  async csv(sql: ReportSql): Promise<ReportStream<Readable> & { rowCount: () => number }> {
    const { client, pid } = await this.begin(sql);
    try {
      const columns = sql.columns.map((c) => (c.type === 'text' ? `csv_safe(r."${c.key}")` : `r."${c.key}"`)).join(', ');
      const stream = client.query(copyTo(`COPY (SELECT ${columns} FROM (${sql.text}) r) TO STDOUT WITH (FORMAT csv)`));
      return { stream, rowCount: () => stream.rowCount, finish: (failed) => this.end(client, pid, failed) };
    } catch (error) {
      await this.end(client, pid, true);
      throw error;
    }
  }

  /** The report's rows one by one from a cursor (a few hundred in memory at a time). */
  async rows(sql: ReportSql): Promise<ReportStream<AsyncIterable<Row>>> {
    const { client, pid } = await this.begin({ ...sql, values: [] });
    try {
      const cursor = client.query(new QueryStream(sql.text, sql.values, { batchSize: 500 }));
      const columns = sql.columns;
      async function* typedRows(): AsyncGenerator<Row> {
        for await (const row of cursor as AsyncIterable<Row>) yield typed(row, columns);
      }
      return {
        stream: typedRows(),
        finish: async (failed) => {
          cursor.destroy();
          await this.end(client, pid, failed);
        },
      };
    } catch (error) {
      await this.end(client, pid, true);
      throw error;
    }
  }

  /** A connection of its own, in a read-only snapshot, with the report's values set for COPY. */
  private async begin(sql: ReportSql): Promise<{ client: PoolClient; pid: number }> {
    const client = await this.pool.connect();
    // Once the server has cancelled a COPY the client may still report the broken stream: not a crash.
    client.on('error', ignore);
    try {
      await client.query(`BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY`);
      const [{ pid }] = (await client.query<{ pid: number }>(`SELECT pg_backend_pid() AS pid`)).rows;
      await client.query(`SET LOCAL statement_timeout = '${EXPORT_STATEMENT_TIMEOUT}'`);
      await client.query(`SET LOCAL idle_in_transaction_session_timeout = '${EXPORT_STATEMENT_TIMEOUT}'`);
      if (sql.values.length) {
        // Settings are text; a value not given travels as '' (see parameters()).
        const names = sql.values.map((_v, n) => settingName(n + 1));
        const texts = sql.values.map((v) => (v === null ? '' : Array.isArray(v) ? `{${v.join(',')}}` : String(v)));
        await client.query(`SELECT set_config(name, value, true) FROM unnest($1::text[], $2::text[]) AS s(name, value)`, [names, texts]);
      }
      return { client, pid };
    } catch (error) {
      client.release(error instanceof Error ? error : true);
      throw error;
    }
  }

  /**
   * Done: commit and give the connection back. Failed or abandoned in the middle of a COPY or a
   * cursor: the server is blocked sending rows nobody reads and would not hear a goodbye (nor a
   * cancel that arrives before the COPY starts), so its session is ended from another connection,
   * and this one is dropped.
   */
  private async end(client: PoolClient, pid: number, failed: boolean): Promise<void> {
    if (failed) {
      await this.dataSource.query(`SELECT pg_terminate_backend($1)`, [pid]).catch(ignore);
      client.release(true);
      return;
    }
    try {
      await client.query('COMMIT');
      client.off('error', ignore);
      client.release();
    } catch (error) {
      client.release(error instanceof Error ? error : true);
    }
  }
}

function ignore(): void {}

/** Numbers as numbers (PostgreSQL sends bigint and numeric as text), the rest as text or null. */
function typed(row: Row, columns: ReportColumn[]): Row {
  const result: Row = {};
  for (const column of columns) {
    const value = row[column.key];
    result[column.key] = value === null || value === undefined ? null : column.type === 'number' ? Number(value) : String(value);
  }
  return result;
}
