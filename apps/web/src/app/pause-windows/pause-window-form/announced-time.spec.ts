import { placeAnnouncedTime } from './announced-time';

describe('placeAnnouncedTime', () => {
  const sut = placeAnnouncedTime;
  const zone = 'Asia/Damascus';
  const noon = new Date('2019-12-23T10:00:00.000Z');

  it('places "until 18:00" on the same day when it is still ahead', () => {
    expect(sut({ entry: { date: '', time: '18:00', offset: '' }, zone, after: noon })).toMatchObject({ kind: 'exact', instant: '2019-12-23T16:00:00.000Z' });
  });

  it('refuses "until 08:00" once it has passed that day, rather than moving it to tomorrow', () => {
    expect(sut({ entry: { date: '', time: '08:00', offset: '' }, zone, after: noon })).toMatchObject({
      kind: 'invalid',
      message: '08:00 has already passed on 2019-12-23 in Asia/Damascus: give the date it ends',
    });
  });

  it('places a time on the date given', () => {
    expect(sut({ entry: { date: '2019-12-25', time: '18:00', offset: '' }, zone, after: noon })).toMatchObject({ instant: '2019-12-25T16:00:00.000Z' });
  });

  it('asks about a time that happened twice, then takes the offset chosen', () => {
    const evening = new Date('2019-10-24T17:00:00.000Z');

    expect(sut({ entry: { date: '', time: '23:30', offset: '' }, zone, after: evening })).toMatchObject({ kind: 'ambiguous' });
    expect(sut({ entry: { date: '', time: '23:30', offset: '+02:00' }, zone, after: evening })).toEqual({
      kind: 'exact',
      instant: '2019-10-24T21:30:00.000Z',
      offset: '+02:00',
    });
  });

  it('waits for a time and a real zone', () => {
    expect(sut({ entry: { date: '', time: '', offset: '' }, zone, after: noon })).toBeUndefined();
    expect(sut({ entry: { date: '', time: '18:00', offset: '' }, zone: 'Damascus', after: noon })).toBeUndefined();
  });
});
