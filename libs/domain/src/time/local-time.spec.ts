import fc from 'fast-check';
import { laterTheSameDay, nextLocalTime, resolveLocalTime, wallClockAt } from './local-time';

const DAMASCUS = 'Asia/Damascus';

describe('resolveLocalTime', () => {
  it('puts 18:00 in Damascus on 23 December 2019 at 16:00 UTC (UTC+2 in winter then)', () => {
    expect(resolveLocalTime({ date: '2019-12-23', time: '18:00' }, DAMASCUS)).toEqual({
      kind: 'exact',
      instant: '2019-12-23T16:00:00.000Z',
      offset: '+02:00',
    });
  });

  it('puts 18:00 in Damascus on 23 December 2024 at 15:00 UTC (UTC+3 all year since October 2022)', () => {
    expect(resolveLocalTime({ date: '2024-12-23', time: '18:00' }, DAMASCUS)).toEqual({
      kind: 'exact',
      instant: '2024-12-23T15:00:00.000Z',
      offset: '+03:00',
    });
  });

  it('refuses 00:30 on 29 March 2019 in Damascus: the clocks jumped from 00:00 to 01:00', () => {
    const resolved = resolveLocalTime({ date: '2019-03-29', time: '00:30' }, DAMASCUS);
    expect(resolved.kind).toBe('nonexistent');
    expect(resolved).toMatchObject({ message: expect.stringContaining('does not exist') });
    // ...even when an offset is offered: there is no reading to pick.
    expect(resolveLocalTime({ date: '2019-03-29', time: '00:30', offset: '+02:00' }, DAMASCUS).kind).toBe('nonexistent');
  });

  it('accepts the minutes either side of the spring-forward gap', () => {
    expect(resolveLocalTime({ date: '2019-03-28', time: '23:59' }, DAMASCUS)).toMatchObject({ kind: 'exact', offset: '+02:00' });
    expect(resolveLocalTime({ date: '2019-03-29', time: '01:00' }, DAMASCUS)).toMatchObject({ kind: 'exact', instant: '2019-03-28T22:00:00.000Z' });
  });

  // Syria's clocks went back at midnight into Friday 25 October 2019: 00:00 (+03:00) became
  // 23:00 (+02:00) on the 24th, so the hour before that midnight happened twice.
  it('asks which 23:30 of the night into 25 October 2019 was meant: the clocks went back over it', () => {
    const resolved = resolveLocalTime({ date: '2019-10-24', time: '23:30' }, DAMASCUS);
    expect(resolved).toEqual({
      kind: 'ambiguous',
      message: expect.stringContaining('happened twice'),
      code: 'time.ambiguous',
      params: { date: '2019-10-24', time: '23:30', zone: 'Asia/Damascus', offsets: '+03:00 or +02:00' },
      candidates: [
        { instant: '2019-10-24T20:30:00.000Z', offset: '+03:00' },
        { instant: '2019-10-24T21:30:00.000Z', offset: '+02:00' },
      ],
    });
    // Just after the change there is one reading again.
    expect(resolveLocalTime({ date: '2019-10-25', time: '00:30' }, DAMASCUS)).toEqual({ kind: 'exact', instant: '2019-10-24T22:30:00.000Z', offset: '+02:00' });
  });

  it('takes the reading the offset names, and refuses an offset the zone never had then', () => {
    expect(resolveLocalTime({ date: '2019-10-24', time: '23:30', offset: '+02:00' }, DAMASCUS)).toMatchObject({ kind: 'exact', instant: '2019-10-24T21:30:00.000Z' });
    expect(resolveLocalTime({ date: '2019-10-24', time: '23:30', offset: '+03:00' }, DAMASCUS)).toMatchObject({ kind: 'exact', instant: '2019-10-24T20:30:00.000Z' });
    expect(resolveLocalTime({ date: '2019-12-23', time: '18:00', offset: '+03:00' }, DAMASCUS)).toMatchObject({ kind: 'invalid', message: expect.stringContaining('it was +02:00') });
  });

  it('refuses malformed dates, times and zones with a reason', () => {
    expect(resolveLocalTime({ date: '2019-02-30', time: '18:00' }, DAMASCUS).kind).toBe('invalid');
    expect(resolveLocalTime({ date: '2019-12-23', time: '24:00' }, DAMASCUS).kind).toBe('invalid');
    expect(resolveLocalTime({ date: '2019-12-23', time: '6 pm' }, DAMASCUS).kind).toBe('invalid');
    expect(resolveLocalTime({ date: '2019-12-23', time: '18:00' }, 'Syria/Idlib')).toMatchObject({ kind: 'invalid', message: expect.stringContaining('IANA') });
  });

  it('round-trips every instant of a year through the wall clock, where the wall clock is unique', () => {
    const zones = [DAMASCUS, 'Europe/Istanbul', 'Europe/London', 'America/New_York', 'Asia/Beirut', 'Australia/Lord_Howe', 'UTC'];
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2015, 0, 1), max: Date.UTC(2030, 0, 1) }), fc.constantFrom(...zones), (ms, zone) => {
        const minute = new Date(Math.floor(ms / 60_000) * 60_000);
        const wall = wallClockAt(minute, zone);
        const resolved = resolveLocalTime({ date: wall.date, time: wall.time }, zone);
        if (resolved.kind === 'ambiguous') {
          expect(resolved.candidates.map((c) => c.instant)).toContain(minute.toISOString());
        } else {
          expect(resolved).toEqual({ kind: 'exact', instant: minute.toISOString(), offset: wall.offset });
        }
        // With its offset the reading is always exact.
        expect(resolveLocalTime(wall, zone)).toEqual({ kind: 'exact', instant: minute.toISOString(), offset: wall.offset });
      }),
      { numRuns: 2_000 },
    );
  });
});

describe('nextLocalTime ("from now until 18:00 local")', () => {
  it('is today at 18:00 when it is earlier in the day', () => {
    // 12:10 UTC on 23 December 2019 is 14:10 in Damascus.
    expect(nextLocalTime(new Date('2019-12-23T12:10:00Z'), '18:00', DAMASCUS)).toMatchObject({ kind: 'exact', instant: '2019-12-23T16:00:00.000Z' });
  });

  it('is tomorrow at 18:00 when 18:00 has passed', () => {
    expect(nextLocalTime(new Date('2019-12-23T17:00:00Z'), '18:00', DAMASCUS)).toMatchObject({ kind: 'exact', instant: '2019-12-24T16:00:00.000Z' });
  });

  it('does not move a skipped time: it says so', () => {
    expect(nextLocalTime(new Date('2019-03-28T12:00:00Z'), '00:30', DAMASCUS).kind).toBe('nonexistent');
  });
});

describe('laterTheSameDay ("until 18:00" as staff enter it)', () => {
  it('is 18:00 the same local day', () => {
    expect(laterTheSameDay(new Date('2019-12-23T12:10:00Z'), '18:00', DAMASCUS)).toMatchObject({ kind: 'exact', instant: '2019-12-23T16:00:00.000Z' });
  });

  it('refuses a time that has already passed today instead of moving it to tomorrow', () => {
    expect(laterTheSameDay(new Date('2019-12-23T16:10:00Z'), '18:00', DAMASCUS)).toEqual({
      kind: 'invalid',
      message: '18:00 has already passed on 2019-12-23 in Asia/Damascus: give the date it ends',
      code: 'time.passed',
      params: { time: '18:00', date: '2019-12-23', zone: 'Asia/Damascus' },
    });
  });

  it('uses the local day, not the UTC one: 01:00 in Damascus is still the previous day in UTC', () => {
    // 22:30 UTC on 22 December is 00:30 on 23 December in Damascus.
    expect(laterTheSameDay(new Date('2019-12-22T22:30:00Z'), '18:00', DAMASCUS)).toMatchObject({ kind: 'exact', instant: '2019-12-23T16:00:00.000Z' });
  });
});

describe('wallClockAt', () => {
  it('reads an instant on the wall clock of a zone, with the offset then', () => {
    expect(wallClockAt('2019-12-23T12:30:00Z', DAMASCUS)).toEqual({ date: '2019-12-23', time: '14:30', offset: '+02:00' });
    expect(wallClockAt('2024-12-23T12:30:00Z', DAMASCUS)).toEqual({ date: '2024-12-23', time: '15:30', offset: '+03:00' });
  });
});
