import { resolveLocalTime } from './local-time';
import { parseInstant } from './parse-instant';
import { zonedTimestamp } from './zoned-timestamp';

describe('zonedTimestamp', () => {
  it('writes 14:30 on 23 December 2019 in Damascus with the offset of that day', () => {
    const resolved = resolveLocalTime({ date: '2019-12-23', time: '14:30' }, 'Asia/Damascus');
    if (resolved.kind !== 'exact') throw new Error(resolved.kind);

    const sut = zonedTimestamp({ date: '2019-12-23', time: '14:30', offset: resolved.offset });

    expect(sut).toBe('2019-12-23T14:30:00+02:00');
    expect(new Date(sut).toISOString()).toBe('2019-12-23T12:30:00.000Z');
  });

  it('writes a summer time with the summer offset', () => {
    const resolved = resolveLocalTime({ date: '2019-07-01', time: '09:05' }, 'Asia/Damascus');
    if (resolved.kind !== 'exact') throw new Error(resolved.kind);

    expect(zonedTimestamp({ date: '2019-07-01', time: '09:05', offset: resolved.offset })).toBe('2019-07-01T09:05:00+03:00');
  });

  it('is read back by the API as the same instant', () => {
    const checked = parseInstant(zonedTimestamp({ date: '2019-12-23', time: '14:30', offset: '+02:00' }));

    expect(checked).toMatchObject({ ok: true });
    expect(checked.ok && checked.value.toISOString()).toBe('2019-12-23T12:30:00.000Z');
  });
});
