import { fieldProblem, PROBLEM_CODES, PROBLEM_TEXT, problemText } from './problem-codes';

describe('problem codes', () => {
  it('fills parameters, numbers with thousands separators', () => {
    expect(problemText('stock.insufficient', { available: 1200, requested: 20000 })).toBe('Only 1,200 available at this stock point; 20,000 requested');
  });

  it('leaves a parameter it was not given visible rather than empty', () => {
    expect(problemText('camp.not_found')).toBe('No camp with id {id}');
  });

  it('gives a field its reason, code and parameters', () => {
    expect(fieldProblem('name', 'field.max_length', { max: 200 })).toEqual({ field: 'name', reason: 'must be at most 200 characters', code: 'field.max_length', params: { max: 200 } });
  });

  it('names every parameter a text uses with a plain word', () => {
    for (const code of PROBLEM_CODES) {
      for (const [, name] of PROBLEM_TEXT[code].matchAll(/\{([^}]*)\}/g)) expect(name).toMatch(/^[a-zA-Z]+$/);
    }
  });
});
