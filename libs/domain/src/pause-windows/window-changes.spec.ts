import { violationChange, windowChanges, type WindowState } from './window-changes';

const before: WindowState = {
  announcedBy: 'Russia and the regime',
  sourceText: 'until 6 p.m. local time',
  zone: 'Asia/Damascus',
  startsAt: '2019-12-23T06:00:00.000Z',
  endsAt: '2019-12-23T16:00:00.000Z',
  routes: [{ id: 'r1', name: 'M5 north' }],
  areas: [],
};

describe('windowChanges', () => {
  it('is empty when nothing differs, whatever the spelling of the instants or the order of the lists', () => {
    const routes = [{ id: 'r2', name: 'Ariha road' }, { id: 'r1', name: 'M5 north' }];
    expect(windowChanges({ ...before, routes }, { ...before, startsAt: '2019-12-23T08:00:00+02:00', routes: [...routes].reverse() })).toEqual([]);
  });

  it('names an instant that moved, in UTC', () => {
    expect(windowChanges(before, { ...before, endsAt: '2019-12-23T14:00:00+02:00' })).toEqual([
      { field: 'endsAt', from: '2019-12-23T16:00:00.000Z', to: '2019-12-23T12:00:00.000Z' },
    ]);
  });

  it('names routes and areas by name, as they were and as they are', () => {
    expect(windowChanges(before, { ...before, routes: [], areas: [{ id: 'a', name: 'Ariha district' }] })).toEqual([
      { field: 'routes', from: ['M5 north'], to: [] },
      { field: 'areas', from: [], to: ['Ariha district'] },
    ]);
  });

  it('names text that changed', () => {
    expect(windowChanges(before, { ...before, announcedBy: 'The UN', zone: 'Europe/Istanbul' })).toEqual([
      { field: 'announcedBy', from: 'Russia and the regime', to: 'The UN' },
      { field: 'zone', from: 'Asia/Damascus', to: 'Europe/Istanbul' },
    ]);
  });
});

describe('violationChange', () => {
  it('says a violation forgotten, found, or moved to another moment, as instants', () => {
    expect(violationChange('2019-12-23T15:00:00+02:00', null)).toEqual({ field: 'violatedAt', from: '2019-12-23T13:00:00.000Z', to: '' });
    expect(violationChange(null, '2019-12-23T13:00:00Z')).toEqual({ field: 'violatedAt', from: '', to: '2019-12-23T13:00:00.000Z' });
    expect(violationChange('2019-12-23T13:00:00Z', '2019-12-23T12:00:00Z')).toEqual({ field: 'violatedAt', from: '2019-12-23T13:00:00.000Z', to: '2019-12-23T12:00:00.000Z' });
  });

  it('says nothing when it is the same, however written', () => {
    expect(violationChange(null, null)).toBeUndefined();
    expect(violationChange('2019-12-23T15:00:00+02:00', '2019-12-23T13:00:00.000Z')).toBeUndefined();
  });
});
