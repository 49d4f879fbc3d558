import fc from 'fast-check';
import { DateTime } from 'luxon';
import { parseCalendarDate, parseInstant } from './parse-instant';

describe('parseInstant', () => {
  const sut = parseInstant;

  it.each([
    ['2019-12-23T16:00:00+02:00', '2019-12-23T14:00:00.000Z'],
    ['2019-12-23T14:00:00Z', '2019-12-23T14:00:00.000Z'],
    ['2019-12-23t14:00:00z', '2019-12-23T14:00:00.000Z'],
    ['2019-12-23T14:00Z', '2019-12-23T14:00:00.000Z'],
    ['2019-12-23T14:00:00.123456789-05:30', '2019-12-23T19:30:00.123Z'],
    ['2020-02-29T00:00:00+14:00', '2020-02-28T10:00:00.000Z'],
  ])('reads %s as %s', (text, expected) => {
    expect(sut(text)).toEqual({ ok: true, value: new Date(expected) });
  });

  it.each([
    ['an ISO week date', '2019-W52-1T10:00:00Z'],
    ['an ordinal date', '2019-357T10:00:00Z'],
    ['the basic format', '20191223T100000Z'],
    ['a comma fraction', '2019-12-23T14:30:00,5Z'],
    ['no offset', '2019-12-23T14:30:00'],
    ['a date alone', '2019-12-23'],
    ['an offset without colon', '2019-12-23T14:30:00+0200'],
    ['a space instead of T', '2019-12-23 14:30:00Z'],
    ['text around it', ' 2019-12-23T14:30:00Z'],
    ['a number', 1577000000000],
    ['null', null],
  ])('refuses %s, showing the expected form', (_name, text) => {
    expect(sut(text)).toEqual({ ok: false, reason: expect.stringContaining('2019-12-23T14:30:00+02:00'), code: 'field.instant_form' });
  });

  it.each([
    ['30 February', '2019-02-30T10:00:00Z', 'not a real calendar date'],
    ['29 February of a common year', '2019-02-29T10:00:00Z', 'not a real calendar date'],
    ['month 13', '2019-13-01T10:00:00Z', 'not a real calendar date'],
    ['hour 24', '2019-12-23T24:00:00Z', 'not a real time of day'],
    ['a leap second', '2016-12-31T23:59:60Z', 'not a real time of day'],
    ['offset hour 24', '2019-12-23T10:00:00+24:00', 'offset that does not exist'],
  ])('refuses %s', (_name, text, reason) => {
    expect(sut(text)).toMatchObject({ ok: false, reason: expect.stringContaining(reason), code: expect.stringMatching(/^field\./), params: expect.any(Object) });
  });

  it('refuses an instant before 1990', () => {
    expect(sut('1989-12-31T23:59:59Z')).toEqual({ ok: false, reason: 'must not be before 1990-01-01', code: 'field.not_before', params: { date: '1990-01-01' } });
  });

  it('refuses a two-digit-era year rather than reading it as 19xx', () => {
    expect(sut('0019-12-23T10:00:00Z').ok).toBe(false);
  });

  it('refuses an instant after the upper bound, in the words given', () => {
    const notAfter = new Date('2019-12-24T10:00:00Z');
    expect(sut('2999-12-31T00:00:00Z', { notAfter, notAfterCode: 'field.future_day', notAfterParams: {} })).toEqual({ ok: false, reason: 'must not be more than a day in the future', code: 'field.future_day', params: {} });
    expect(sut('2999-12-31T00:00:00Z', { notAfter })).toEqual({ ok: false, reason: 'must not be after 2019-12-24T10:00:00.000Z', code: 'field.not_after', params: { date: '2019-12-24T10:00:00.000Z' } });
    expect(sut('2019-12-24T10:00:00Z', { notAfter }).ok).toBe(true);
  });

  it('agrees with Luxon on every RFC 3339 instant it accepts', () => {
    const instants = fc.record({
      ms: fc.integer({ min: Date.UTC(1990, 0, 2), max: Date.UTC(2100, 0, 1) }),
      offset: fc.integer({ min: -12 * 60, max: 14 * 60 }),
    });
    fc.assert(
      fc.property(instants, ({ ms, offset }) => {
        const text = DateTime.fromMillis(ms, { zone: `UTC${offset < 0 ? '-' : '+'}${Math.floor(Math.abs(offset) / 60)}:${String(Math.abs(offset) % 60).padStart(2, '0')}` }).toISO()!;
        const parsed = sut(text);
        expect(parsed).toEqual({ ok: true, value: new Date(ms) });
      }),
      { numRuns: 2_000 },
    );
  });

  it('never throws, whatever the text', () => {
    fc.assert(fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.anything()), (text) => {
      const result = sut(text);
      expect(typeof result.ok).toBe('boolean');
    }));
  });
});

describe('parseCalendarDate', () => {
  const sut = parseCalendarDate;

  it('takes a real day', () => {
    expect(sut('2019-12-22')).toEqual({ ok: true, value: '2019-12-22' });
    expect(sut('2020-02-29')).toEqual({ ok: true, value: '2020-02-29' });
  });

  it.each(['2019-02-29', '2019-04-31', '2019-00-10', '2019-12-23T00:00:00Z', '23/12/2019', ''])('refuses %s', (text) => {
    expect(sut(text).ok).toBe(false);
  });

  it('refuses a day outside the bounds, in the words given', () => {
    expect(sut('2999-12-31', { notAfter: '2026-11-30', notAfterCode: 'field.future_day', notAfterParams: {} })).toMatchObject({ ok: false, reason: 'must not be more than a day in the future', code: 'field.future_day' });
    expect(sut('1989-12-31')).toEqual({ ok: false, reason: 'must not be before 1990-01-01', code: 'field.not_before', params: { date: '1990-01-01' } });
  });
});
