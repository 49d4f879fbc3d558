import { announcementDue } from './window-announcements';

describe('announcementDue', () => {
  const endsAt = Date.parse('2019-12-23T16:00:00Z');
  const minutesBefore = (minutes: number, seconds = 0) => endsAt - minutes * 60_000 - seconds * 1000;

  it('says nothing on the first tick: the page shows where the countdown stands', () => {
    expect(announcementDue({ endsAt, previous: undefined, now: minutesBefore(30) })).toBeUndefined();
  });

  it('announces once as the end comes within 30, 15 and 5 minutes, and at the end', () => {
    expect(announcementDue({ endsAt, previous: minutesBefore(30, 1), now: minutesBefore(30) })).toBe(30);
    expect(announcementDue({ endsAt, previous: minutesBefore(30), now: minutesBefore(29, 59) })).toBeUndefined();
    expect(announcementDue({ endsAt, previous: minutesBefore(15, 1), now: minutesBefore(15) })).toBe(15);
    expect(announcementDue({ endsAt, previous: minutesBefore(5, 1), now: minutesBefore(5) })).toBe(5);
    expect(announcementDue({ endsAt, previous: minutesBefore(0, 1), now: endsAt })).toBe(0);
  });

  it('stays quiet between the moments, every second of them', () => {
    let said = 0;
    for (let t = minutesBefore(29, 59); t < minutesBefore(15); t += 1000) {
      if (announcementDue({ endsAt, previous: t - 1000, now: t }) !== undefined) said++;
    }
    expect(said).toBe(0);
  });

  it('says only the most urgent when a sleeping phone skipped several', () => {
    expect(announcementDue({ endsAt, previous: minutesBefore(40), now: minutesBefore(4) })).toBe(5);
    expect(announcementDue({ endsAt, previous: minutesBefore(40), now: endsAt + 60_000 })).toBe(0);
  });
});
