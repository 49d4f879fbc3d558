import fc from 'fast-check';
import { resolveLocalTime, wallClockAt } from '@relief-ledger/domain';
import { createTestDatabase, TestDatabase } from './utils/test-database';

/**
 * The domain converts times on Luxon (the runtime's IANA database); PostgreSQL converts them on
 * its own copy. Both must agree, or a window typed in the web app would end at another instant
 * than the one the database compares convoys against. Zones with a long, changing history;
 * instants from 1970 to 2030 (rules announced for later years differ between releases).
 */
const ZONES = [
  'Asia/Damascus',
  'Asia/Beirut',
  'Asia/Amman',
  'Asia/Baghdad',
  'Europe/Istanbul',
  'Asia/Jerusalem',
  'Asia/Tehran',
  'Europe/London',
  'Europe/Berlin',
  'Europe/Moscow',
  'America/New_York',
  'America/Sao_Paulo',
  'America/Santiago',
  'America/St_Johns',
  'Australia/Sydney',
  'Australia/Lord_Howe',
  'Pacific/Chatham',
  'Pacific/Apia',
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'Asia/Dhaka',
  'Africa/Nairobi',
  'UTC',
];
const FROM = Date.UTC(1970, 0, 1);
const TO = Date.UTC(2030, 0, 1);

describe('time zones: the domain agrees with PostgreSQL', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });

  afterAll(async () => {
    await db?.drop();
  });

  const cases = fc.array(fc.tuple(fc.integer({ min: FROM / 60_000, max: TO / 60_000 }), fc.constantFrom(...ZONES)), { minLength: 250, maxLength: 250 });

  it('reads random instants on the wall clock of random zones as PostgreSQL does (AT TIME ZONE)', async () => {
    await fc.assert(
      fc.asyncProperty(cases, async (batch) => {
        const instants = batch.map(([minute]) => new Date(minute * 60_000).toISOString());
        const rows = await db.query<{ local: string }>(
          `SELECT to_char(t AT TIME ZONE z, 'YYYY-MM-DD HH24:MI') AS local FROM unnest($1::timestamptz[], $2::text[]) WITH ORDINALITY AS u(t, z, n) ORDER BY n`,
          [instants, batch.map(([, zone]) => zone)],
        );
        batch.forEach(([, zone], i) => {
          const wall = wallClockAt(instants[i], zone);
          expect({ at: instants[i], zone, local: `${wall.date} ${wall.time}` }).toEqual({ at: instants[i], zone, local: rows[i].local });
        });
      }),
      { numRuns: 20 },
    );
  });

  it('turns random wall-clock times into the instants PostgreSQL gives, wherever the time happened exactly once', async () => {
    let compared = 0;
    await fc.assert(
      fc.asyncProperty(cases, async (batch) => {
        const walls = batch.map(([minute, zone]) => ({ ...wallClockAt(new Date(minute * 60_000), zone), zone }));
        const rows = await db.query<{ instant: Date }>(
          `SELECT (l::timestamp AT TIME ZONE z) AS instant FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS u(l, z, n) ORDER BY n`,
          [walls.map((w) => `${w.date} ${w.time}`), walls.map((w) => w.zone)],
        );
        walls.forEach((wall, i) => {
          const resolved = resolveLocalTime({ date: wall.date, time: wall.time }, wall.zone);
          // PostgreSQL picks one reading of a repeated time silently; the domain asks instead.
          if (resolved.kind === 'ambiguous') {
            expect(resolved.candidates.map((c) => c.instant)).toContain(rows[i].instant.toISOString());
            return;
          }
          compared++;
          expect({ wall, instant: resolved.kind === 'exact' ? resolved.instant : resolved.kind }).toEqual({ wall, instant: rows[i].instant.toISOString() });
        });
      }),
      { numRuns: 20 },
    );
    expect(compared).toBeGreaterThan(4_900);
  });

  it('agrees on the design case: 18:00 in Damascus on 23 December 2019 and 2024', async () => {
    const [row] = await db.query<{ y2019: Date; y2024: Date }>(
      `SELECT timestamp '2019-12-23 18:00' AT TIME ZONE 'Asia/Damascus' AS y2019, timestamp '2024-12-23 18:00' AT TIME ZONE 'Asia/Damascus' AS y2024`,
    );
    expect(row.y2019.toISOString()).toBe('2019-12-23T16:00:00.000Z');
    expect(row.y2024.toISOString()).toBe('2024-12-23T15:00:00.000Z');
  });
});
