import type { ObjectLiteral } from 'typeorm';
import type { Actor } from '../actor.js';

/** A query builder a condition can be added to: TypeORM's select, update and delete builders alike. */
interface Narrowable {
  andWhere(where: string, parameters?: ObjectLiteral): this;
}

/**
 * The one rule for records an organisation owns: a query sees only the actor's organisation, so
 * a record of another organisation is simply not found (404, never 403: ids leak nothing).
 * Queries built with TypeORM's query builder (camps) scope here; raw SQL scopes in its
 * repository (`<feature>.repository.ts`), whose every method takes the organisation. Row-level
 * security holds the same line in the database, for a query that forgets.
 */
export function ownedBy<Q extends Narrowable>(qb: Q, alias: string | null, actor: Pick<Actor, 'organisationId'>): Q {
  // An UPDATE builder names the table's columns without an alias.
  const column = alias ? `${alias}.organisation_id` : 'organisation_id';
  return qb.andWhere(`${column} = :scopeOrganisationId`, { scopeOrganisationId: actor.organisationId });
}
