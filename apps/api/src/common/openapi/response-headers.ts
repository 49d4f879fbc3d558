import type { HeadersObject } from '@nestjs/swagger';

/** The record's version as its ETag (withEtag in common/validation/version.ts), on answers that carry one. */
export const ETAG_HEADER: HeadersObject = {
  ETag: { description: 'The version, quoted ("3"): send it back as If-Match', schema: { type: 'string' } },
};

/** On the answer to a re-send of a write already recorded under the same client id. */
export const REPLAYED_HEADER: HeadersObject = {
  'Idempotent-Replayed': { description: '"true" when this answers a re-send of a write already recorded: the first result again', schema: { type: 'string', enum: ['true'] } },
};
