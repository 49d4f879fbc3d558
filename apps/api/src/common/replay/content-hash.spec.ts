import fc from 'fast-check';
import { createHash, hash } from 'node:crypto';
import { contentHash } from './content-hash';

/** The two hashes this one replaced, as they were: what is stored in distributions, incidents and convoy events. */
function legacyDistributionHash(content: Record<string, unknown>, distributedAt: string | null): string {
  const fields: Array<[string, unknown]> = [];
  for (const key of ['campId', 'households', 'itemId', 'locationId', 'notes', 'people', 'quantity', 'stockPointId']) {
    const value = content[key];
    if (value !== undefined && value !== null) fields.push([key, value]);
  }
  fields.push(['distributedAt', distributedAt]);
  return hash('sha256', JSON.stringify(fields));
}

function legacyContentHash(body: object, omit: readonly string[] = ['clientId']): string {
  const fields = Object.entries(body)
    .filter(([key, value]) => !omit.includes(key) && value !== undefined && value !== null)
    .sort(([a], [b]) => a.localeCompare(b));
  return createHash('sha256').update(JSON.stringify(fields)).digest('hex');
}

describe('contentHash', () => {
  const sut = contentHash;
  const uuid = fc.uuid();

  it('hashes a distribution exactly as the rows stored since the first day (distributedAt last, even when absent)', () => {
    const distribution = fc.record(
      {
        clientId: uuid,
        campId: uuid,
        locationId: uuid,
        itemId: uuid,
        stockPointId: uuid,
        quantity: fc.integer({ min: 1, max: 1e9 }),
        households: fc.nat(),
        people: fc.nat(),
        notes: fc.string(),
      },
      { requiredKeys: ['itemId', 'stockPointId', 'quantity', 'households', 'people'] },
    );
    fc.assert(
      fc.property(distribution, fc.option(fc.date({ min: new Date('1990-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString())), (body, at) => {
        expect(sut(body, { omit: ['clientId', 'distributedAt'], last: [['distributedAt', at]] })).toBe(legacyDistributionHash(body, at));
      }),
    );
  });

  it('hashes incidents, check-ins and status changes as they were hashed', () => {
    const body = fc.dictionary(fc.constantFrom('clientId', 'kind', 'occurredAt', 'place', 'description', 'killed', 'version', 'status', 'note', 'locationId'), fc.oneof(fc.string(), fc.integer(), fc.constant(null)));
    fc.assert(
      fc.property(body, (b) => {
        expect(sut(b)).toBe(legacyContentHash(b));
        expect(sut(b, { omit: ['clientId', 'version'] })).toBe(legacyContentHash(b, ['clientId', 'version']));
      }),
    );
  });

  it('ignores the client id and empty fields, and sees every other difference', () => {
    expect(sut({ clientId: 'a', kind: 'other', place: null })).toBe(sut({ clientId: 'b', kind: 'other' }));
    expect(sut({ kind: 'other' })).not.toBe(sut({ kind: 'airstrike' }));
  });
});
