import { describeDay, describeWallClock, describeWallClockShort, sameWallClock, zoneCity } from './zoned-time';

describe('zoneCity', () => {
  it('names the city of a zone, with spaces for underscores', () => {
    expect(zoneCity('Asia/Damascus')).toBe('Damascus');
    expect(zoneCity('America/Sao_Paulo')).toBe('Sao Paulo');
    expect(zoneCity('UTC')).toBe('UTC');
  });
});

describe('describeWallClock', () => {
  const sut = describeWallClock;

  it('reads "until 18:00 local" on 23 December 2019 in Damascus, then UTC+2, as 16:00 UTC', () => {
    expect(sut({ instant: '2019-12-23T16:00:00.000Z', zone: 'Asia/Damascus' })).toBe('18:00 Damascus (UTC+02:00)');
  });

  it('follows the zone into summer time', () => {
    expect(sut({ instant: '2019-07-01T15:00:00.000Z', zone: 'Asia/Damascus' })).toBe('18:00 Damascus (UTC+03:00)');
  });

  it('reads the same instant on the viewer\'s own clock', () => {
    expect(sut({ instant: '2019-12-23T16:00:00.000Z', zone: 'Europe/Berlin' })).toBe('17:00 Berlin (UTC+01:00)');
  });
});

describe('describeWallClockShort', () => {
  it('leaves out the offset', () => {
    expect(describeWallClockShort({ instant: '2019-12-23T16:00:00.000Z', zone: 'Asia/Damascus' })).toBe('18:00 Damascus');
  });
});

describe('describeDay', () => {
  it('names the day in the zone, which may be the next one already', () => {
    expect(describeDay({ instant: '2019-12-23T22:30:00.000Z', zone: 'Asia/Damascus' })).toBe('Tue, 24 Dec 2019');
    expect(describeDay({ instant: '2019-12-23T22:30:00.000Z', zone: 'UTC' })).toBe('Mon, 23 Dec 2019');
  });
});

describe('sameWallClock', () => {
  it('is true for zones that read alike then, false otherwise', () => {
    const instant = '2019-12-23T16:00:00.000Z';
    expect(sameWallClock({ instant, zone: 'Asia/Damascus', other: 'Asia/Beirut' })).toBe(true);
    expect(sameWallClock({ instant, zone: 'Asia/Damascus', other: 'UTC' })).toBe(false);
  });
});
