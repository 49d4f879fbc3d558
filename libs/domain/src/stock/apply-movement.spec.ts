import fc from 'fast-check';
import { applyMovement, InsufficientStockError } from './apply-movement';

describe('applyMovement', () => {
  it('adds a receipt', () => {
    expect(applyMovement({ level: 100, delta: 500 })).toBe(600);
  });

  it('draws down to exactly zero', () => {
    expect(applyMovement({ level: 7, delta: -7 })).toBe(0);
  });

  it('refuses to go below zero, saying how much is available', () => {
    expect(() => applyMovement({ level: 40, delta: -41 })).toThrow(new InsufficientStockError(40, 41));
  });

  it('refuses a zero or fractional movement', () => {
    expect(() => applyMovement({ level: 1, delta: 0 })).toThrow(RangeError);
    expect(() => applyMovement({ level: 1, delta: 0.5 })).toThrow(RangeError);
  });

  it('never yields a negative level, whatever the sequence of movements', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1_000, max: 1_000 }).filter((d) => d !== 0), { maxLength: 200 }), (deltas) => {
        let level = 0;
        let sum = 0;
        for (const delta of deltas) {
          try {
            level = applyMovement({ level, delta });
            sum += delta;
          } catch (error) {
            expect(error).toBeInstanceOf(InsufficientStockError);
          }
          expect(level).toBeGreaterThanOrEqual(0);
        }
        // The level is the sum of the movements that were accepted: nothing else changes it.
        expect(level).toBe(sum);
      }),
    );
  });
});
