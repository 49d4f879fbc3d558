import { Problem } from '@relief-ledger/domain';

/** Shown when an update or close carried a `version` older than the camp's. */
export const STALE_VERSION_MESSAGE = 'This camp was changed by someone else; reload to see their changes';

/**
 * A 409 means a stale version, unless it names fields: a duplicate camp name is a 409 too
 * (`camp.duplicate_name`), and its reason belongs under the name, not in a reload banner.
 */
export function isStaleVersion(problem: Problem): boolean {
  if (problem.code !== undefined) return problem.code === 'camp.stale_version';
  return problem.status === 409 && !problem.errors?.length;
}
