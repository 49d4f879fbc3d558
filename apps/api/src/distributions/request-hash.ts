import type { CreateDistributionRequest } from '@relief-ledger/domain';
import { contentHash } from '../common/replay/content-hash.js';

export type DistributionContent = Omit<CreateDistributionRequest, 'clientId' | 'distributedAt'>;

/**
 * What makes two requests "the same distribution": everything but the client id, by the replay
 * rule's one content hash. The API and the CSV import hash alike, so a row imported once is
 * recognised when sent again either way. The hash is stored in every distribution row's
 * request_hash, so its form must never change: distributedAt last, even when absent (as the
 * first rows were hashed; common/replay/content-hash.spec.ts proves the two agree).
 */
export function distributionHash(content: DistributionContent, distributedAt: string | null): string {
  return contentHash(content, { omit: ['clientId', 'distributedAt'], last: [['distributedAt', distributedAt]] });
}
