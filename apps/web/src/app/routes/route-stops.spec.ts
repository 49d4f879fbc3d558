import { ROUTE_LIMITS } from '@relief-ledger/domain';

import { LocationChoice } from '../shared/location-field/location-field';
import { aRoute } from '../shared/lookups/testing/lookup-fixtures';
import { addStop, describeStops, moveStop, removeStop } from './route-stops';

function place(nameEn: string): LocationChoice {
  return { id: `loc-${nameEn.toLowerCase()}`, pcode: `SY-${nameEn}`, nameEn, nameAr: nameEn };
}

const MAARAT = place('Maarat');
const ARIHA = place('Ariha');
const SARMADA = place('Sarmada');

function names(stops: LocationChoice[]): string[] {
  return stops.map((stop) => stop.nameEn);
}

describe('route stops', () => {
  it('adds a stop at the end, in travel order', () => {
    expect(names(addStop(addStop([MAARAT], ARIHA), SARMADA))).toEqual(['Maarat', 'Ariha', 'Sarmada']);
  });

  it('does not add a place twice', () => {
    expect(names(addStop([MAARAT, ARIHA], { ...MAARAT }))).toEqual(['Maarat', 'Ariha']);
  });

  it('adds nothing once the route has as many stops as the API takes', () => {
    const full = Array.from({ length: ROUTE_LIMITS.stopsMax }, (_, index) => place(`Stop${index}`));

    expect(addStop(full, SARMADA)).toHaveLength(ROUTE_LIMITS.stopsMax);
  });

  it('moves a stop up or down one place', () => {
    expect(names(moveStop([MAARAT, ARIHA, SARMADA], 2, -1))).toEqual(['Maarat', 'Sarmada', 'Ariha']);
    expect(names(moveStop([MAARAT, ARIHA, SARMADA], 0, 1))).toEqual(['Ariha', 'Maarat', 'Sarmada']);
  });

  it('leaves the first stop first when moved up, and the last last when moved down', () => {
    expect(names(moveStop([MAARAT, ARIHA], 0, -1))).toEqual(['Maarat', 'Ariha']);
    expect(names(moveStop([MAARAT, ARIHA], 1, 1))).toEqual(['Maarat', 'Ariha']);
  });

  it('removes the stop at a place in the list', () => {
    expect(names(removeStop([MAARAT, ARIHA, SARMADA], 1))).toEqual(['Maarat', 'Sarmada']);
  });

  it('describes the stops first to last', () => {
    expect(describeStops(aRoute().stops)).toBe("Ma'arat al-Num'an → Ariha → Sarmada");
  });
});
