import fc from 'fast-check';
import { applyMovement } from './apply-movement';
import { countAdjustment } from './count-adjustment';

describe('countAdjustment', () => {
  const sut = countAdjustment;

  it('is negative when fewer are counted than the ledger holds', () => {
    expect(sut({ level: 120, counted: 100 })).toBe(-20);
  });

  it('is positive when more are found', () => {
    expect(sut({ level: 0, counted: 12 })).toBe(12);
  });

  it('is zero when the count matches, which records nothing', () => {
    expect(sut({ level: 480, counted: 480 })).toBe(0);
  });

  it('refuses a negative or fractional count', () => {
    expect(() => sut({ level: 10, counted: -1 })).toThrow(RangeError);
    expect(() => sut({ level: 10, counted: 2.5 })).toThrow(RangeError);
  });

  it('leaves the level at exactly what was counted once applied (property)', () => {
    fc.assert(
      fc.property(fc.nat({ max: 1_000_000_000 }), fc.nat({ max: 1_000_000_000 }), (level, counted) => {
        const delta = sut({ level, counted });
        expect(delta === 0 ? level : applyMovement({ level, delta })).toBe(counted);
      }),
    );
  });
});
