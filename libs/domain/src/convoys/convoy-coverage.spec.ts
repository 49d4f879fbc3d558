import fc from 'fast-check';
import { resolveLocalTime } from '../time/local-time';
import { convoyCoverage, goNoGo, tripEnd } from './convoy-coverage';

const at = (date: string, time: string) => {
  const r = resolveLocalTime({ date, time }, 'Asia/Damascus');
  if (r.kind !== 'exact') throw new Error(r.kind);
  return r.instant;
};

// The design case: the window announced on 23 December 2019, in force until 18:00 local.
const window = { id: 'w', startsAt: at('2019-12-23', '08:00'), endsAt: at('2019-12-23', '18:00'), violatedAt: null };

describe('convoyCoverage', () => {
  it('departing 15:30 local, 2 h trip, window ending 18:00: partly covered, the 30 min of the 1 h safety margin after 18:00 exposed', () => {
    const coverage = convoyCoverage({ departureAt: at('2019-12-23', '15:30'), durationMinutes: 120, safetyMarginMinutes: 60 }, [window]);
    expect(coverage).toEqual({
      kind: 'partly_covered',
      windowIds: ['w'],
      coveredUntil: '2019-12-23T16:00:00.000Z',
      exposedMinutes: 30,
      exposedFrom: '2019-12-23T16:00:00.000Z',
    });
  });

  it('the same trip with no margin arrives 17:30 and is covered, with the window ending at 18:00', () => {
    expect(convoyCoverage({ departureAt: at('2019-12-23', '15:30'), durationMinutes: 120, safetyMarginMinutes: 0 }, [window])).toEqual({
      kind: 'covered',
      windowIds: ['w'],
      coveredUntil: '2019-12-23T16:00:00.000Z',
    });
  });

  it('departing 16:30 with a 2 h trip and 1 h margin: 30 min of the trip and the whole margin exposed, from 18:00', () => {
    expect(convoyCoverage({ departureAt: at('2019-12-23', '16:30'), durationMinutes: 120, safetyMarginMinutes: 60 }, [window])).toMatchObject({
      kind: 'partly_covered',
      exposedMinutes: 90,
      exposedFrom: '2019-12-23T16:00:00.000Z',
    });
  });

  it('is not covered with no window, a window elsewhere in time, or only a violated window', () => {
    const trip = { departureAt: at('2019-12-23', '19:00'), durationMinutes: 120, safetyMarginMinutes: 60 };
    expect(convoyCoverage(trip, [])).toEqual({ kind: 'not_covered', exposedMinutes: 180, exposedFrom: '2019-12-23T17:00:00.000Z' });
    expect(convoyCoverage(trip, [window]).kind).toBe('not_covered');
    expect(convoyCoverage({ ...trip, departureAt: at('2019-12-23', '10:00') }, [{ ...window, violatedAt: at('2019-12-23', '16:30') }]).kind).toBe('not_covered');
  });

  it('joins back-to-back windows, and reports a gap between them', () => {
    const morning = { id: 'a', startsAt: at('2019-12-23', '08:00'), endsAt: at('2019-12-23', '12:00'), violatedAt: null };
    const afternoon = { id: 'b', startsAt: at('2019-12-23', '12:00'), endsAt: at('2019-12-23', '18:00'), violatedAt: null };
    const trip = { departureAt: at('2019-12-23', '11:00'), durationMinutes: 60, safetyMarginMinutes: 30 };
    expect(convoyCoverage(trip, [afternoon, morning])).toMatchObject({ kind: 'covered', windowIds: ['a', 'b'], coveredUntil: at('2019-12-23', '18:00') });
    const later = { ...afternoon, startsAt: at('2019-12-23', '12:15') };
    expect(convoyCoverage(trip, [later, morning])).toMatchObject({ kind: 'partly_covered', exposedMinutes: 15, exposedFrom: at('2019-12-23', '12:00') });
  });

  it('exposed plus covered is always the whole trip, and exposure is never negative', () => {
    const base = Date.parse('2019-12-23T00:00:00Z');
    const minutes = fc.integer({ min: 0, max: 24 * 60 });
    const windowArb = fc.tuple(minutes, fc.integer({ min: 1, max: 12 * 60 })).map(([s, len]: [number, number]) => ({
      id: `w${s}-${len}`,
      startsAt: new Date(base + s * 60_000).toISOString(),
      endsAt: new Date(base + (s + len) * 60_000).toISOString(),
      violatedAt: null,
    }));
    fc.assert(
      fc.property(minutes, fc.integer({ min: 1, max: 600 }), fc.integer({ min: 0, max: 120 }), fc.array(windowArb, { maxLength: 5 }), (dep, duration, margin, windows) => {
        const trip = { departureAt: new Date(base + dep * 60_000).toISOString(), durationMinutes: duration, safetyMarginMinutes: margin };
        const coverage = convoyCoverage(trip, windows);
        // Brute force, minute by minute.
        let exposed = 0;
        for (let m = dep; m < dep + duration + margin; m++) {
          const t = base + m * 60_000;
          if (!windows.some((w) => Date.parse(w.startsAt) <= t && t < Date.parse(w.endsAt))) exposed++;
        }
        expect(coverage.kind === 'covered' ? 0 : coverage.exposedMinutes).toBe(exposed);
        expect(coverage.kind).toBe(exposed === 0 ? 'covered' : exposed === duration + margin ? 'not_covered' : 'partly_covered');
        expect(tripEnd(trip).getTime()).toBe(base + (dep + duration + margin) * 60_000);
      }),
      { numRuns: 500 },
    );
  });
});

describe('goNoGo', () => {
  const now = new Date('2019-12-23T13:00:00Z');
  const covered = { kind: 'covered' as const, windowIds: ['w'], coveredUntil: '2019-12-23T16:00:00Z' };

  it('is go when covered with nothing against it', () => {
    expect(goNoGo({ coverage: covered, violatedWindows: [], incidentsOnRoute: [], overdueConvoysOnRoute: 0, now })).toEqual({ go: true, reasons: [] });
  });

  it('lists every reason against leaving', () => {
    const result = goNoGo({
      coverage: { kind: 'partly_covered', windowIds: ['w'], coveredUntil: '2019-12-23T16:00:00Z', exposedMinutes: 30, exposedFrom: '2019-12-23T16:00:00Z' },
      violatedWindows: [{ id: 'v', violatedAt: '2019-12-23T12:30:00Z' }],
      incidentsOnRoute: [
        { id: 'i1', kind: 'airstrike', occurredAt: '2019-12-23T12:30:00Z' },
        { id: 'old', kind: 'shelling', occurredAt: '2019-12-20T12:30:00Z' },
      ],
      overdueConvoysOnRoute: 2,
      now,
    });
    expect(result.go).toBe(false);
    expect(result.reasons.map((r) => r.code)).toEqual(['window_ends_before_arrival', 'window_violated', 'recent_incident', 'overdue_convoys']);
    expect(result.reasons[2].message).toBe('1 incident(s) on this route in the last 24 h (airstrike)');
  });

  it('says there is no window', () => {
    expect(goNoGo({ coverage: { kind: 'not_covered', exposedMinutes: 120, exposedFrom: now.toISOString() }, violatedWindows: [], incidentsOnRoute: [], overdueConvoysOnRoute: 0, now }).reasons).toEqual([
      { code: 'no_window', message: 'No pause window in force covers this route for the trip' },
    ]);
  });
});
