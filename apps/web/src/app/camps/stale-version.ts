import { Problem } from '@relief-ledger/domain';

/**
 * A 409 means a stale version, unless it names fields: a duplicate camp name is a 409 too
 * (`camp.duplicate_name`), and its reason belongs under the name, not in a reload banner.
 * The banner then says `camps.detail.stale`.
 */
export function isStaleVersion(problem: Problem): boolean {
  if (problem.code !== undefined) return problem.code === 'camp.stale_version';
  return problem.status === 409 && !problem.errors?.length;
}
