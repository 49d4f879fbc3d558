import { Problem } from '@relief-ledger/domain';

/**
 * What the feature API services throw: the server's problem details (or one made up for a network
 * failure), so a screen handles one shape whatever went wrong.
 */
export class ProblemError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title);
    this.name = 'ProblemError';
  }
}
