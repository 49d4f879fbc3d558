import { wordsFor } from '../../core/i18n/testing/test-translations';
import { aMovement } from '../testing/stock-fixtures';
import { describeMovement, describeReversal, wouldGoNegative } from './reverse-form';

describe('describeMovement', () => {
  it('names the movement to undo as the ledger shows it, with when it happened on the site clock', () => {
    expect(describeMovement(aMovement({ occurredAt: '2019-12-22T09:00:00Z' }), wordsFor('en'))).toBe('Received \u2066+500\u2069, 11:00 Damascus, Sun, 22 Dec 2019');
  });
});

describe('wouldGoNegative', () => {
  it('tells a reversal the stock point cannot cover, which the server refuses with its numbers', () => {
    expect(wouldGoNegative({ movement: { quantity: 500 }, level: 480 })).toBe(true);
    expect(wouldGoNegative({ movement: { quantity: 500 }, level: 500 })).toBe(false);
    expect(wouldGoNegative({ movement: { quantity: -30 }, level: 0 })).toBe(false);
  });
});

describe('describeReversal', () => {
  const sut = describeReversal;

  it('says the opposite movement and the level it leaves, before anything is sent', () => {
    expect(sut({ movement: { quantity: 500 }, level: 620 }, wordsFor('en'))).toBe(
      'The ledger will record the opposite movement, \u2066\u2212500\u2069, and the level will become 120. Nothing is deleted: both movements stay in the ledger.',
    );
    expect(sut({ movement: { quantity: -30 }, level: 70 }, wordsFor('en'))).toContain('\u2066+30\u2069, and the level will become 100.');
  });
});
