import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { Actor } from '../../auth/actor.js';

/**
 * The one rule for records an organisation owns: a query sees only the actor's organisation.
 * Every owned feature (camps now; stock, distributions, convoys later) builds its queries from
 * here, so a record of another organisation is simply not found (404, never 403: ids leak
 * nothing).
 */
export function ownedBy<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, alias: string, actor: Actor): SelectQueryBuilder<T> {
  return qb.andWhere(`${alias}.organisation_id = :scopeOrganisationId`, { scopeOrganisationId: actor.organisationId });
}
