import { instantOfEntry, wallClockNow } from './entered-instant';

describe('instantOfEntry', () => {
  it('sends 14:30 on 23 Dec 2019 in Damascus as RFC 3339 with that day\'s offset: 12:30 UTC', () => {
    const sut = instantOfEntry({ date: '2019-12-23', time: '14:30', offset: '' }, 'Asia/Damascus');

    expect(sut).toBe('2019-12-23T14:30:00+02:00');
    expect(new Date(sut!).toISOString()).toBe('2019-12-23T12:30:00.000Z');
  });

  it('uses the summer offset in summer', () => {
    expect(instantOfEntry({ date: '2019-08-01', time: '09:00', offset: '' }, 'Asia/Damascus')).toBe('2019-08-01T09:00:00+03:00');
  });

  it('reads the wall clock of the camp, not of the phone', () => {
    expect(instantOfEntry({ date: '2019-12-23', time: '14:30', offset: '' }, 'Europe/Istanbul')).toBe('2019-12-23T14:30:00+03:00');
  });

  it('gives nothing while the date or the time is missing', () => {
    expect(instantOfEntry({ date: '2019-12-23', time: '', offset: '' }, 'Asia/Damascus')).toBeUndefined();
    expect(instantOfEntry({ date: '', time: '14:30', offset: '' }, 'Asia/Damascus')).toBeUndefined();
  });

  it('gives nothing for a time that happened twice until its offset is chosen, then that reading', () => {
    // Syria's clocks went back from 00:00 to 23:00 on the night of 25 October 2019.
    expect(instantOfEntry({ date: '2019-10-24', time: '23:30', offset: '' }, 'Asia/Damascus')).toBeUndefined();
    expect(instantOfEntry({ date: '2019-10-24', time: '23:30', offset: '+02:00' }, 'Asia/Damascus')).toBe('2019-10-24T23:30:00+02:00');
  });
});

describe('wallClockNow', () => {
  it('reads now on the zone\'s clock, to the minute', () => {
    expect(wallClockNow(new Date('2019-12-23T13:10:42Z'), 'Asia/Damascus')).toEqual({ date: '2019-12-23', time: '15:10', offset: '' });
  });
});
