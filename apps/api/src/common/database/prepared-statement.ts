import { DatabaseError, type Pool, type QueryResultRow } from 'pg';
import { DataSource, QueryFailedError } from 'typeorm';

export interface PreparedStatement {
  /** Unique per text: PostgreSQL keeps the statement under this name on each pooled connection. */
  name: string;
  text: string;
}

/**
 * Runs one statement as a named prepared statement on a pooled connection, on its own (one
 * statement is one transaction). PostgreSQL parses and plans it once per connection instead of
 * on every call, and it costs one round trip: for the few statements every request runs (the
 * session lookup, recording a distribution). PostgreSQL's errors come back as TypeORM's
 * QueryFailedError, like those of `dataSource.query`, so the problem filter maps them the same way.
 */
export async function runPrepared<T extends QueryResultRow>(dataSource: DataSource, statement: PreparedStatement, values: unknown[]): Promise<T[]> {
  // TypeORM's postgres driver keeps its pg Pool as `master`; the query runner has no way to name a statement.
  const pool = (dataSource.driver as unknown as { master: Pool }).master;
  try {
    return (await pool.query<T>({ name: statement.name, text: statement.text, values })).rows;
  } catch (error) {
    throw error instanceof DatabaseError ? new QueryFailedError(statement.text, values, error) : error;
  }
}
