import { isNotFoundProblem } from './not-found-problem';

describe('isNotFoundProblem', () => {
  it('is true for a 404', () => {
    expect(isNotFoundProblem({ type: 'about:blank', title: 'Camp not found', status: 404 })).toBe(true);
  });

  it('is true for a 400 about the id in the address', () => {
    const sut = { type: 'about:blank', title: 'Invalid request', status: 400, errors: [{ field: 'id', reason: 'must be a UUID' }] };
    expect(isNotFoundProblem(sut)).toBe(true);
  });

  it('is false for a 400 about another field, another problem, or none', () => {
    expect(isNotFoundProblem({ type: 'about:blank', title: 'Invalid request', status: 400, errors: [{ field: 'page', reason: 'must be at least 1' }] })).toBe(false);
    expect(isNotFoundProblem({ type: 'about:blank', title: 'Offline', status: 0 })).toBe(false);
    expect(isNotFoundProblem(undefined)).toBe(false);
  });
});
