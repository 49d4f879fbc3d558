import { AsyncLocalStorage, AsyncResource } from 'node:async_hooks';
import type { Pool, PoolClient } from 'pg';

/**
 * How the organisation reaches the database. PostgreSQL's row-level security lets the app's
 * role see only rows whose organisation_id equals the setting `relief.organisation_id` of the
 * connection (migration OrganisationBoundary). That setting is put on a connection each time
 * the pool hands it out, from the request the checkout happens in:
 *
 * - every request runs in a scope (AsyncLocalStorage) that holds its organisation once the
 *   auth guard has found it (none before, none for anonymous requests);
 * - the pool's `connect` is wrapped: on every checkout it compares the organisation last set on
 *   that connection with the scope's and sets it when they differ (a round trip only then: a
 *   connection keeps serving one organisation's requests for free);
 * - so a connection cannot carry one organisation's setting into another's request: whoever
 *   checks it out next gets their own set first, and a checkout outside any request (or before
 *   the organisation is known) gets none, which makes every owned table look empty.
 *
 * The one exception: looking up a credential, before the organisation is known, skips the
 * setting (`establishing`): it only calls SECURITY DEFINER functions, which do not read the
 * setting, so the connection's previous value cannot matter there, and the request's next
 * checkout sets its own. This keeps the hot path at its two round trips.
 */
interface RequestScope {
  organisationId: string | null;
  establishing: boolean;
}

const scope = new AsyncLocalStorage<RequestScope>();
/** The organisation last set on a pooled connection ('' for none). */
const SET_ON = Symbol('relief.organisation_id');
type MarkedClient = PoolClient & { [SET_ON]?: string };

/** Runs `next` (the rest of a request) in a scope of its own, with no organisation yet. */
export function inRequestScope<T>(next: () => T): T {
  return scope.run({ organisationId: null, establishing: false }, next);
}

/** The request's organisation, from here on (the auth guard, sign-in). */
export function useOrganisation(organisationId: string): void {
  const current = scope.getStore();
  if (!current) throw new Error('no request scope to set the organisation in');
  current.organisationId = organisationId;
}

/** Runs a credential lookup (SECURITY DEFINER functions only) without setting an organisation first. */
export async function establishing<T>(lookUp: () => Promise<T>): Promise<T> {
  const current = scope.getStore();
  if (!current) return lookUp();
  current.establishing = true;
  try {
    return await lookUp();
  } finally {
    current.establishing = false;
  }
}

/**
 * An event listener that runs in the request's scope (events fire in the scope of whatever
 * emitted them, such as a socket): for work done when a download ends.
 */
export function inThisScope<A extends unknown[], R>(listener: (...args: A) => R): (...args: A) => R {
  return AsyncResource.bind(listener);
}

/** Wraps the pool's checkout so that every connection handed out carries the request's organisation. */
export function guardPool(pool: Pool): void {
  const connect = pool.connect.bind(pool) as () => Promise<PoolClient>;
  const checkout = async (): Promise<PoolClient> => {
    const client = (await connect()) as MarkedClient;
    const current = scope.getStore();
    if (current?.establishing) return client;
    const wanted = current?.organisationId ?? '';
    if (client[SET_ON] !== wanted) {
      try {
        await client.query(`SELECT set_config('relief.organisation_id', $1, false)`, [wanted]);
      } catch (error) {
        // A connection in an unknown state is not handed out, nor kept.
        client.release(error instanceof Error ? error : true);
        throw error;
      }
      client[SET_ON] = wanted;
    }
    return client;
  };
  // pg-pool calls connect() both ways: with a callback (inside pool.query) and for a promise.
  (pool as { connect: unknown }).connect = (callback?: (error: Error | undefined, client?: PoolClient, release?: (error?: Error | boolean) => void) => void) => {
    const promise = checkout();
    if (!callback) return promise;
    promise.then(
      (client) => callback(undefined, client, (error?: Error | boolean) => client.release(error)),
      (error: Error) => callback(error),
    );
    return undefined;
  };
}
