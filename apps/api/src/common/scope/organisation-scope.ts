import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { Actor } from '../actor.js';

/**
 * The one rule for records an organisation owns: a query sees only the actor's organisation, so
 * a record of another organisation is simply not found (404, never 403: ids leak nothing).
 * Queries built with TypeORM's query builder (camps) scope here; raw SQL scopes in its
 * repository (`<feature>.repository.ts`), whose every method takes the organisation. Row-level
 * security holds the same line in the database, for a query that forgets.
 */
export function ownedBy<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, alias: string, actor: Pick<Actor, 'organisationId'>): SelectQueryBuilder<T> {
  return qb.andWhere(`${alias}.organisation_id = :scopeOrganisationId`, { scopeOrganisationId: actor.organisationId });
}
