import { wordsFor } from '../../core/i18n/testing/test-translations';
import { describeDay, describeInstant, describeMoment, describeViewerTime, describeWallClock, describeWallClockShort, sameWallClock, zoneCity, zoneName } from './zoned-time';

const EN = wordsFor('en');

describe('zoneCity', () => {
  it('names the city of a zone, with spaces for underscores', () => {
    expect(zoneCity('Asia/Damascus')).toBe('Damascus');
    expect(zoneCity('America/Sao_Paulo')).toBe('Sao Paulo');
    expect(zoneCity('UTC')).toBe('UTC');
  });
});

describe('zoneName', () => {
  it('names the city in the language where the translations know it, in English otherwise', () => {
    expect(zoneName('Asia/Damascus', wordsFor('ar'))).toBe('دمشق');
    expect(zoneName('Europe/Istanbul', wordsFor('tr'))).toBe('İstanbul');
    expect(zoneName('America/Sao_Paulo', wordsFor('ar'))).toBe('Sao Paulo');
  });
});

describe('describeWallClock', () => {
  const sut = describeWallClock;

  it('reads "until 18:00 local" on 23 December 2019 in Damascus, then UTC+2, as 16:00 UTC', () => {
    expect(sut({ instant: '2019-12-23T16:00:00.000Z', zone: 'Asia/Damascus' }, EN)).toBe('18:00 Damascus (UTC+02:00)');
  });

  it('follows the zone into summer time', () => {
    expect(sut({ instant: '2019-07-01T15:00:00.000Z', zone: 'Asia/Damascus' }, EN)).toBe('18:00 Damascus (UTC+03:00)');
  });

  it("reads the same instant on the viewer's own clock", () => {
    expect(sut({ instant: '2019-12-23T16:00:00.000Z', zone: 'Europe/Berlin' }, EN)).toBe('17:00 Berlin (UTC+01:00)');
  });

  it('speaks Arabic, in Arabic-Indic digits when chosen', () => {
    expect(sut({ instant: '2019-12-23T16:00:00.000Z', zone: 'Asia/Damascus' }, wordsFor('ar'))).toBe('18:00 بتوقيت دمشق (UTC+02:00)');
    expect(sut({ instant: '2019-12-23T16:00:00.000Z', zone: 'Asia/Damascus' }, wordsFor('ar', 'arab'))).toBe('١٨:٠٠ بتوقيت دمشق (UTC+٠٢:٠٠)');
  });
});

describe('describeWallClockShort', () => {
  it('leaves out the offset', () => {
    expect(describeWallClockShort({ instant: '2019-12-23T16:00:00.000Z', zone: 'Asia/Damascus' }, EN)).toBe('18:00 Damascus');
  });
});

describe('describeDay', () => {
  it('names the day in the zone, which may be the next one already', () => {
    expect(describeDay({ instant: '2019-12-23T22:30:00.000Z', zone: 'Asia/Damascus' }, EN)).toBe('Tue, 24 Dec 2019');
    expect(describeDay({ instant: '2019-12-23T22:30:00.000Z', zone: 'UTC' }, EN)).toBe('Mon, 23 Dec 2019');
  });

  it('names the day in Arabic with the Levantine month names, always on the Gregorian calendar', () => {
    expect(describeDay({ instant: '2019-12-23T16:00:00.000Z', zone: 'Asia/Damascus' }, wordsFor('ar'))).toBe('الاثنين، 23 كانون الأول 2019');
  });
});

describe('describeMoment', () => {
  it('gives a past moment its date', () => {
    expect(describeMoment({ instant: '2019-12-23T14:30:00.000Z', zone: 'Asia/Damascus' }, EN)).toBe('16:30 Damascus, Mon, 23 Dec 2019');
  });
});

describe('sameWallClock', () => {
  it('is true for zones that read alike then, false otherwise', () => {
    const instant = '2019-12-23T16:00:00.000Z';
    expect(sameWallClock({ instant, zone: 'Asia/Damascus', other: 'Asia/Beirut' })).toBe(true);
    expect(sameWallClock({ instant, zone: 'Asia/Damascus', other: 'UTC' })).toBe(false);
  });
});

describe('describeInstant', () => {
  const sut = describeInstant;
  const struck = '2019-12-23T14:30:00.000Z';

  it('gives an instant of another day its date, on the site clock with the zone named', () => {
    expect(sut({ instant: struck, zone: 'Asia/Damascus', now: new Date('2026-11-29T22:00:00.000Z') }, EN)).toBe('16:30 Damascus, Mon, 23 Dec 2019');
  });

  it("labels today's instant instead of dating it, today being the site's", () => {
    expect(sut({ instant: struck, zone: 'Asia/Damascus', now: new Date('2019-12-23T21:00:00.000Z') }, EN)).toBe('16:30 Damascus today');
    // 23:30 UTC is already the 24th in Damascus: the 23rd is yesterday there.
    expect(sut({ instant: struck, zone: 'Asia/Damascus', now: new Date('2019-12-23T23:30:00.000Z') }, EN)).toBe('16:30 Damascus, Mon, 23 Dec 2019');
  });

  it('speaks Arabic with Arabic-Indic digits and Turkish, on the Gregorian calendar', () => {
    const now = new Date('2026-11-29T22:00:00.000Z');
    expect(sut({ instant: struck, zone: 'Asia/Damascus', now }, wordsFor('ar', 'arab'))).toBe('١٦:٣٠ بتوقيت دمشق، الاثنين، ٢٣ كانون الأول ٢٠١٩');
    expect(sut({ instant: struck, zone: 'Asia/Damascus', now: new Date('2019-12-23T21:00:00.000Z') }, wordsFor('tr'))).toBe('bugün 16:30 Şam');
  });
});

describe('describeViewerTime', () => {
  const sut = describeViewerTime;
  const struck = '2019-12-23T14:30:00.000Z';

  it('says nothing where the viewer reads the same clock', () => {
    expect(sut({ instant: struck, zone: 'Asia/Damascus', viewerZone: 'Asia/Damascus' }, EN)).toBeUndefined();
  });

  it("gives the viewer's own time, labelled", () => {
    expect(sut({ instant: struck, zone: 'Asia/Damascus', viewerZone: 'UTC' }, EN)).toBe('14:30 your time');
  });

  it("adds the viewer's day where it is another one", () => {
    expect(sut({ instant: '2019-12-23T23:30:00.000Z', zone: 'Asia/Damascus', viewerZone: 'America/Los_Angeles' }, EN)).toBe('15:30, Mon, 23 Dec 2019 your time');
  });
});
