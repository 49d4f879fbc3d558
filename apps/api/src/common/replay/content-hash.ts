import { hash } from 'node:crypto';

export interface HashOptions {
  /** Fields that do not make two requests different: the client id always, the version of a status change. */
  omit?: readonly string[];
  /**
   * Fields written after the sorted ones, even when empty: the form distributions have stored
   * since their first day (distributedAt last), which must keep hashing alike.
   */
  last?: ReadonlyArray<readonly [string, unknown]>;
}

/**
 * What makes two requests with one key "the same request": every field that is given, in a
 * stable order, hashed (SHA-256, hex). The one content hash of every replay: the CSV import and
 * the JSON API hash a distribution alike, so a row is recognised whichever way it comes again.
 */
export function contentHash(body: object, { omit = ['clientId'], last = [] }: HashOptions = {}): string {
  const fields: Array<readonly [string, unknown]> = [];
  const skipped = new Set([...omit, ...last.map(([name]) => name)]);
  // localeCompare, as the hashes stored since the first client ids were made with it.
  for (const name of Object.keys(body).sort((a, b) => a.localeCompare(b))) {
    const value = (body as Record<string, unknown>)[name];
    if (!skipped.has(name) && value !== undefined && value !== null) fields.push([name, value]);
  }
  return hash('sha256', JSON.stringify([...fields, ...last]));
}
