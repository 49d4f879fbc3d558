import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const SRC = path.resolve(__dirname, '../src');
const MIGRATIONS = path.resolve(__dirname, '../../../migrations');

/**
 * Each table of stock, convoys, distributions, pause windows, incidents and routes, and the one repository that owns it
 * (STYLE.md 11): the only file that writes it. The items catalogue is the stock feature's;
 * the app only reads it. distribution_day_totals is kept by a trigger on distributions.
 */
const OWNERS: Readonly<Record<string, string>> = {
  items: 'stock/stock.repository.ts',
  stock_points: 'stock/stock.repository.ts',
  stock_levels: 'stock/stock.repository.ts',
  stock_movements: 'stock/stock.repository.ts',
  distributions: 'distributions/distributions.repository.ts',
  distribution_day_totals: 'distributions/distributions.repository.ts',
  convoys: 'convoys/convoys.repository.ts',
  convoy_cargo: 'convoys/convoys.repository.ts',
  convoy_events: 'convoys/convoys.repository.ts',
  pause_windows: 'pause-windows/pause-windows.repository.ts',
  pause_window_routes: 'pause-windows/pause-windows.repository.ts',
  pause_window_areas: 'pause-windows/pause-windows.repository.ts',
  pause_window_events: 'pause-windows/pause-windows.repository.ts',
  incidents: 'incidents/incidents.repository.ts',
  routes: 'routes/routes.repository.ts',
  route_stops: 'routes/routes.repository.ts',
};

/**
 * The one sanctioned second writer: recording a distribution draws its stock in the same
 * statement (RECORD_DISTRIBUTION), which is why it is fast; its header says so, and the
 * property test in stock.spec.ts drives both writers to prove they agree.
 */
const SECOND_WRITERS: Readonly<Record<string, readonly string[]>> = {
  stock_levels: ['distributions/distributions.repository.ts'],
  stock_movements: ['distributions/distributions.repository.ts'],
};

/** The demo loader seeds an empty database before the app serves (like the migrations, outside src/): exempt. */
const EXEMPT = ['demo/'];

/** The tables of those features, as the migrations create them. */
function featureTables(): string[] {
  const tables = new Set<string>();
  for (const file of readdirSync(MIGRATIONS).filter((f) => f.endsWith('.ts'))) {
    for (const [, table] of readFileSync(path.join(MIGRATIONS, file), 'utf8').matchAll(/CREATE TABLE ([a-z_]+)/g)) {
      if (/^(stock_|convoy|distribution|pause_window|incidents$|routes$|route_stops$)/.test(table)) tables.add(table);
    }
  }
  return [...tables].sort();
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [full] : [];
  });
}

/** Every `INSERT INTO t`, `UPDATE t` and `DELETE FROM t` in the app's source, as [file, table]. */
function writes(): Array<{ file: string; table: string }> {
  return sourceFiles(SRC).flatMap((full) => {
    const file = path.relative(SRC, full).split(path.sep).join('/');
    const text = readFileSync(full, 'utf8');
    return [...text.matchAll(/\b(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+([a-z_][a-z0-9_]*)\b/g)].map(([, table]) => ({ file, table }));
  });
}

describe('one owner per table (stock, convoys, distributions, pause windows, incidents, routes)', () => {
  it('finds those features’ tables in the migrations', () => {
    expect(featureTables()).toEqual(
      expect.arrayContaining(['stock_points', 'stock_levels', 'stock_movements', 'distributions', 'convoys', 'convoy_cargo', 'convoy_events', 'pause_windows', 'pause_window_events', 'incidents', 'routes', 'route_stops']),
    );
  });

  it('gives every table of those features an owning repository that exists and names it', () => {
    for (const table of [...featureTables(), 'items']) {
      const owner = OWNERS[table];
      expect({ table, owner }).toEqual({ table, owner: expect.stringMatching(/\.repository\.ts$/) });
      expect(readFileSync(path.join(SRC, owner), 'utf8')).toContain(table);
    }
  });

  it('writes each of those tables only from its owner (and the ledger from the distribution hot path)', () => {
    const found = writes().filter(({ file, table }) => table in OWNERS && !EXEMPT.some((prefix) => file.startsWith(prefix)));
    // The scan finds real writes: a vacuous pass would prove nothing.
    expect(found).toEqual(
      expect.arrayContaining([
        { file: 'stock/stock.repository.ts', table: 'stock_movements' },
        { file: 'distributions/distributions.repository.ts', table: 'stock_movements' },
        { file: 'convoys/convoys.repository.ts', table: 'convoy_events' },
        { file: 'pause-windows/pause-windows.repository.ts', table: 'pause_windows' },
        { file: 'incidents/incidents.repository.ts', table: 'incidents' },
        { file: 'routes/routes.repository.ts', table: 'route_stops' },
      ]),
    );
    const strangers = found.filter(({ file, table }) => file !== OWNERS[table] && !(SECOND_WRITERS[table] ?? []).includes(file));
    expect(strangers).toEqual([]);
  });
});
