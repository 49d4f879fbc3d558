import { isValidTimeZone } from './is-valid-time-zone';

describe('isValidTimeZone', () => {
  it('accepts the zone of north-west Syria', () => {
    expect(isValidTimeZone('Asia/Damascus')).toBe(true);
  });

  it('accepts UTC', () => {
    expect(isValidTimeZone('UTC')).toBe(true);
  });

  it('refuses a made-up zone', () => {
    expect(isValidTimeZone('Asia/Idlib')).toBe(false);
  });

  it('refuses a fixed offset written as text', () => {
    expect(isValidTimeZone('UTC+2:00')).toBe(false);
  });

  it('refuses an empty string', () => {
    expect(isValidTimeZone('')).toBe(false);
  });
});
