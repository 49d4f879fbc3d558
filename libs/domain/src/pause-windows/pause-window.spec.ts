import { incidentViolatesWindow, pauseWindowStatus, windowCoversRoute } from './pause-window';

const times = { startsAt: '2019-12-23T06:00:00Z', endsAt: '2019-12-23T16:00:00Z', violatedAt: null };

describe('pauseWindowStatus', () => {
  it('is upcoming, in force (start inclusive), then ended (end exclusive)', () => {
    expect(pauseWindowStatus(times, new Date('2019-12-23T05:59:59Z'))).toBe('upcoming');
    expect(pauseWindowStatus(times, new Date('2019-12-23T06:00:00Z'))).toBe('in_force');
    expect(pauseWindowStatus(times, new Date('2019-12-23T15:59:59Z'))).toBe('in_force');
    expect(pauseWindowStatus(times, new Date('2019-12-23T16:00:00Z'))).toBe('ended');
  });

  it('stays violated once violated', () => {
    expect(pauseWindowStatus({ ...times, violatedAt: '2019-12-23T12:30:00Z' }, new Date('2020-01-01T00:00:00Z'))).toBe('violated');
  });
});

// Idlib governorate > Ariha district > Ariha; Ma'arat al-Num'an district > Ma'arat al-Num'an.
const maaret = { locationId: 'maaret', ancestorIds: ['maaret-district', 'idlib'] };
const ariha = { locationId: 'ariha', ancestorIds: ['ariha-district', 'idlib'] };
const sarmada = { locationId: 'sarmada', ancestorIds: ['harim-district', 'idlib'] };
const north = { id: 'north', stops: [maaret, ariha] };

describe('windowCoversRoute', () => {
  it('covers a route it names', () => {
    expect(windowCoversRoute({ routeIds: ['north'], areaIds: [] }, north)).toBe(true);
  });

  it('covers a route whose every stop lies in its areas, and not one that leaves them', () => {
    expect(windowCoversRoute({ routeIds: [], areaIds: ['maaret-district', 'ariha-district'] }, north)).toBe(true);
    expect(windowCoversRoute({ routeIds: [], areaIds: ['idlib'] }, north)).toBe(true);
    expect(windowCoversRoute({ routeIds: [], areaIds: ['maaret-district'] }, north)).toBe(false);
    expect(windowCoversRoute({ routeIds: [], areaIds: ['idlib'] }, { id: 'empty', stops: [] })).toBe(false);
  });
});

describe('incidentViolatesWindow', () => {
  const window = { ...times, scope: { routeIds: ['north'], areaIds: [] }, namedRoutes: [north] };

  it('is violated by an incident on a covered route while in force (the convoy struck at 14:30 local)', () => {
    expect(incidentViolatesWindow(window, { occurredAt: '2019-12-23T12:30:00Z', route: north, place: null })).toBe(true);
  });

  it('is violated by an incident at a stop of a named route, or in a covered area', () => {
    expect(incidentViolatesWindow(window, { occurredAt: '2019-12-23T12:30:00Z', route: null, place: ariha })).toBe(true);
    const areaWindow = { ...times, scope: { routeIds: [], areaIds: ['ariha-district'] }, namedRoutes: [] };
    expect(incidentViolatesWindow(areaWindow, { occurredAt: '2019-12-23T12:30:00Z', route: null, place: ariha })).toBe(true);
  });

  it('is not violated before it starts, after it ends, or elsewhere', () => {
    expect(incidentViolatesWindow(window, { occurredAt: '2019-12-23T05:00:00Z', route: north, place: null })).toBe(false);
    expect(incidentViolatesWindow(window, { occurredAt: '2019-12-23T16:00:00Z', route: north, place: null })).toBe(false);
    expect(incidentViolatesWindow(window, { occurredAt: '2019-12-23T12:30:00Z', route: null, place: sarmada })).toBe(false);
    expect(incidentViolatesWindow(window, { occurredAt: '2019-12-23T12:30:00Z', route: null, place: null })).toBe(false);
  });
});
