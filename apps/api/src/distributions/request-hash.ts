import type { CreateDistributionRequest } from '@relief-ledger/domain';
import { hash } from 'node:crypto';

export type DistributionContent = Omit<CreateDistributionRequest, 'clientId' | 'distributedAt'>;

const HASHED_FIELDS = ['campId', 'households', 'itemId', 'locationId', 'notes', 'people', 'quantity', 'stockPointId'] as const;

/**
 * What makes two requests "the same distribution": everything but the client id. The API and
 * the CSV import hash alike, so a row imported once is recognised when sent again either way.
 * The hashed text is stored in every distribution row's request_hash: it must never change.
 * (A loop and the one-shot hash rather than filter/map and createHash: an import hashes
 * 20,000 rows.)
 */
export function distributionHash(content: DistributionContent, distributedAt: string | null): string {
  const fields: Array<[string, unknown]> = [];
  for (const key of HASHED_FIELDS) {
    const value = content[key];
    if (value !== undefined && value !== null) fields.push([key, value]);
  }
  fields.push(['distributedAt', distributedAt]);
  return hash('sha256', JSON.stringify(fields));
}
