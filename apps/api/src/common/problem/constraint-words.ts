/**
 * What a database refusal means, in words a person can act on. The services check first and
 * say it better; this is the last line, for what slips past them. Constraint names follow the
 * migrations' pattern (`fk_<table>_<column>`, `uq_<table>_<columns>`, `chk_<table>_<rule>`), so
 * an unlisted one is still put into words from its name, and the name itself never leaves.
 */

export interface ConstraintWords {
  /** The request field to blame, when there is one. */
  field?: string;
  detail: string;
}

/** Longest first, so that `pause_window_routes` wins over `pause_windows`. */
const TABLES: Record<string, string> = {
  pause_window_routes: 'pause window route',
  pause_window_areas: 'pause window area',
  pause_windows: 'pause window',
  stock_movements: 'stock movement',
  stock_levels: 'stock level',
  stock_points: 'stock point',
  convoy_events: 'convoy event',
  convoy_cargo: 'cargo line',
  organisations: 'organisation',
  distributions: 'distribution',
  route_stops: 'route stop',
  api_tokens: 'API token',
  incidents: 'incident',
  locations: 'location',
  sessions: 'session',
  convoys: 'convoy',
  routes: 'route',
  camps: 'camp',
  items: 'item',
  users: 'user',
};

/** Columns that point at a person are named for what they are. */
const PEOPLE = new Set(['created_by', 'recorded_by', 'reported_by', 'user']);

/** The rules a request can break whose name alone would not explain them. */
const CHECKS: Record<string, ConstraintWords> = {
  chk_stock_levels_quantity: { field: 'quantity', detail: 'There is not enough stock for this; a stock level cannot go below zero' },
  chk_camps_figures: { detail: 'Households must not exceed the population, and no figure may be negative' },
  chk_camps_closed: { field: 'closedOn', detail: 'A closed camp needs a closing date on or after its opening date, and only a closed camp has one' },
  chk_distributions_figures: { detail: 'The quantity must be at least 1 and people at least the number of households' },
  chk_pause_windows_times: { field: 'end', detail: 'A pause window must end after it starts' },
  chk_convoys_order: { field: 'occurredAt', detail: 'A convoy cannot end before it departed' },
  chk_incidents_where: { field: 'locationId', detail: 'An incident needs a place: a location, a route or a place name' },
  chk_stock_points_camp: { field: 'campId', detail: 'A camp store belongs to a camp, and only a camp store does' },
  chk_locations_point: { detail: 'A point needs both latitude (-90 to 90) and longitude (-180 to 180)' },
};

function split(constraint: string): { table: string; rest: string } | null {
  const body = constraint.replace(/^(fk|uq|chk)_/, '');
  const table = Object.keys(TABLES)
    .filter((name) => body === name || body.startsWith(`${name}_`))
    .sort((a, b) => b.length - a.length)[0];
  return table ? { table, rest: body.slice(table.length + 1) } : null;
}

const words = (snake: string) => snake.replace(/_/g, ' ');
const camel = (snake: string) => snake.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());

/**
 * `code` is PostgreSQL's SQLSTATE (23503 foreign key, 23505 unique, 23514 check); `detail` is
 * its own detail line, read only to tell "does not exist" from "still in use".
 */
export function describeConstraint(code: string, constraint: string | undefined, detail?: string): ConstraintWords {
  const parts = constraint ? split(constraint) : null;
  const thing = parts ? TABLES[parts.table] : 'record';
  if (code === '23503') {
    if (detail?.includes('is still referenced')) return { detail: `This ${thing} is still in use by other records, so it cannot be removed` };
    if (!parts?.rest) return { detail: 'A record this refers to does not exist, or is not your organisation\'s' };
    const person = PEOPLE.has(parts.rest);
    const target = person ? 'user' : TABLES[`${parts.rest}s`] ?? words(parts.rest);
    return {
      field: person ? undefined : `${camel(parts.rest)}Id`,
      detail: `No ${target} with this id exists in your organisation`,
    };
  }
  if (code === '23505') {
    const columns = parts?.rest ? ` ${words(parts.rest.replace(/^organisation_?/, '')) || 'values'}` : ' values';
    return { detail: `${/^[aeiou]/i.test(thing) ? 'An' : 'A'} ${thing} with the same${columns} already exists` };
  }
  if (constraint && CHECKS[constraint]) return CHECKS[constraint];
  return { detail: parts?.rest ? `The values do not fit a rule of the ${thing} (${words(parts.rest)})` : 'The values do not fit together' };
}
