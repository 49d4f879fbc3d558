import { Problem } from '@relief-ledger/domain';

/**
 * A record that is not there: the API's 404, or its 400 for an id in the address that is not
 * an id at all (`/camps/not-a-uuid`). To the person both mean the same: nothing at this address.
 */
export function isNotFoundProblem(problem: Problem | undefined): boolean {
  if (!problem) return false;
  if (problem.status === 404) return true;
  return problem.status === 400 && (problem.errors ?? []).some((error) => error.field === 'id');
}
