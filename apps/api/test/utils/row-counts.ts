import { TestDatabase } from './test-database';

export type RowCounts = Record<string, number>;

/**
 * Tables a refused request may write to by design: a failed sign-in is recorded on purpose
 * (that is what throttles guessing), a sign-in or a session check writes its session, and the
 * live stream keeps its own log of events.
 */
const WRITTEN_ON_PURPOSE = new Set(['sign_in_failures', 'sessions', 'live_events']);

/** Rows of these tables that a refused request may write: the audit of a read (none yet; reads may be audited later). */
const COUNTED_ONLY_WHERE: Record<string, string> = { audit_log: `action <> 'read'` };

/**
 * Exact row counts of every table of the `public` schema, in one statement (`count(*)` per
 * table joined by UNION ALL; `pg_stat` figures lag behind). The list of tables is read once,
 * so a table added by a later migration is counted without anyone remembering to.
 */
export async function rowCounter(db: TestDatabase): Promise<() => Promise<RowCounts>> {
  const tables = await db.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  const counted = tables.map((t) => t.table_name).filter((name) => !WRITTEN_ON_PURPOSE.has(name));
  const sql = counted
    .map((name) => `SELECT '${name}' AS name, count(*)::int AS n FROM public."${name}"${COUNTED_ONLY_WHERE[name] ? ` WHERE ${COUNTED_ONLY_WHERE[name]}` : ''}`)
    .join(' UNION ALL ');
  return async () => Object.fromEntries((await db.query<{ name: string; n: number }>(sql)).map((row) => [row.name, row.n]));
}

/** `camps 4 → 5` for every table whose count moved. */
export function changedCounts(before: RowCounts, after: RowCounts): string[] {
  return Object.keys({ ...before, ...after })
    .filter((name) => before[name] !== after[name])
    .map((name) => `${name} ${before[name] ?? 0} → ${after[name] ?? 0}`);
}
