import fc from 'fast-check';
import { foodDaysLeft } from './food-days-left';

describe('foodDaysLeft', () => {
  const sut = foodDaysLeft;

  it('counts what is in the stores when nothing was handed out', () => {
    expect(sut({ population: 100, deliveries: [], storedPersonDays: 1_500, today: '2019-12-23' })).toBe(15);
  });

  it('counts food handed out today in full', () => {
    // 20 family parcels (5 persons × 30 days each) for 100 people: 30 days.
    expect(sut({ population: 100, deliveries: [{ day: '2019-12-23', personDays: 3_000 }], storedPersonDays: 0, today: '2019-12-23' })).toBe(30);
  });

  it('takes off one day for each day eaten since', () => {
    expect(sut({ population: 100, deliveries: [{ day: '2019-12-13', personDays: 3_000 }], storedPersonDays: 0, today: '2019-12-23' })).toBe(20);
  });

  it('never counts food eaten before it arrived: a gap is hunger, not a debt', () => {
    const deliveries = [
      { day: '2019-11-01', personDays: 1_000 },
      { day: '2019-12-20', personDays: 1_000 },
    ];
    expect(sut({ population: 100, deliveries, storedPersonDays: 0, today: '2019-12-23' })).toBe(7);
  });

  it('has no answer for an empty camp', () => {
    expect(sut({ population: 0, deliveries: [], storedPersonDays: 10, today: '2019-12-23' })).toBeNull();
  });

  it('ignores deliveries dated after today', () => {
    expect(sut({ population: 10, deliveries: [{ day: '2019-12-24', personDays: 100 }], storedPersonDays: 0, today: '2019-12-23' })).toBe(0);
  });

  it('never gives more days than all the food there is, nor fewer than the stores', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000 }),
        fc.array(fc.record({ offset: fc.integer({ min: 0, max: 90 }), personDays: fc.integer({ min: 0, max: 100_000 }) }), { maxLength: 30 }),
        fc.integer({ min: 0, max: 100_000 }),
        (population, raw, storedPersonDays) => {
          const deliveries = raw.map((d) => ({ day: new Date(Date.UTC(2019, 11, 23) - d.offset * 86_400_000).toISOString().slice(0, 10), personDays: d.personDays }));
          const days = sut({ population, deliveries, storedPersonDays, today: '2019-12-23' })!;
          const all = deliveries.reduce((sum, d) => sum + d.personDays, 0) + storedPersonDays;
          expect(days).toBeLessThanOrEqual(Math.floor(all / population));
          expect(days).toBeGreaterThanOrEqual(Math.floor(storedPersonDays / population));
        },
      ),
    );
  });
});
