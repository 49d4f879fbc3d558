import { createHash } from 'node:crypto';

export interface DistributionContent {
  campId?: string;
  locationId?: string;
  itemId: string;
  stockPointId: string;
  quantity: number;
  households: number;
  people: number;
  notes?: string;
}

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
