import { vehiclesToSend } from './vehicles';

describe('vehicles', () => {
  it('sends the rows that say something, trimmed, without empty plates or drivers', () => {
    expect(
      vehiclesToSend([
        { plate: ' Idlib 123456 ', driver: 'Abu Khaled' },
        { plate: '', driver: '  ' },
        { plate: '', driver: 'Omar Khalil' },
        { plate: 'Idlib 654321', driver: '' },
      ]),
    ).toEqual([{ plate: 'Idlib 123456', driver: 'Abu Khaled' }, { driver: 'Omar Khalil' }, { plate: 'Idlib 654321' }]);
  });

  it('sends no list when no row says anything', () => {
    expect(vehiclesToSend([])).toBeUndefined();
    expect(vehiclesToSend([{ plate: ' ', driver: '' }])).toBeUndefined();
  });
});
