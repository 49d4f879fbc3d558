import type { CreateDistributionRequest } from '@relief-ledger/domain';
import { createHash } from 'node:crypto';

export type DistributionContent = Omit<CreateDistributionRequest, 'clientId' | 'distributedAt'>;

/**
 * What makes two requests "the same distribution": everything but the client id. The API and
 * the CSV import hash alike, so a row imported once is recognised when sent again either way.
 */
export function distributionHash(content: DistributionContent, distributedAt: string | null): string {
  const fields: Array<[string, unknown]> = (['campId', 'households', 'itemId', 'locationId', 'notes', 'people', 'quantity', 'stockPointId'] as const)
    .filter((key) => content[key] !== undefined && content[key] !== null)
    .map((key) => [key, content[key]]);
  return createHash('sha256').update(JSON.stringify([...fields, ['distributedAt', distributedAt]])).digest('hex');
}
