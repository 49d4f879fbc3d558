import { createHash } from 'node:crypto';

/**
 * What makes two requests with one client id "the same request": every field but `omit`, in a
 * stable order. A re-send hashes alike; the same id with other content does not.
 */
export function contentHash(body: object, omit: readonly string[] = ['clientId']): string {
  const fields = Object.entries(body)
    .filter(([key, value]) => !omit.includes(key) && value !== undefined && value !== null)
    .sort(([a], [b]) => a.localeCompare(b));
  return createHash('sha256').update(JSON.stringify(fields)).digest('hex');
}
