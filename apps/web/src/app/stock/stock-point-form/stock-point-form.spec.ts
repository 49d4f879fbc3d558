import { ATMEH_CAMP_ID } from '../../shared/lookups/testing/lookup-fixtures';
import { toCreateStockPointRequest } from './stock-point-form';

describe('toCreateStockPointRequest', () => {
  const sut = toCreateStockPointRequest;
  const idlib = { id: 'loc-idlib', pcode: 'SY070000', nameEn: 'Idlib', nameAr: 'إدلب' };

  it('sends a warehouse without a camp, even if one was chosen before switching kind', () => {
    expect(sut({ name: '  Idlib city warehouse ', kind: 'warehouse', location: idlib, campId: ATMEH_CAMP_ID })).toEqual({
      name: 'Idlib city warehouse',
      kind: 'warehouse',
      locationId: 'loc-idlib',
    });
  });

  it('sends a camp store with its camp', () => {
    expect(sut({ name: 'Atmeh store 2', kind: 'camp_store', location: idlib, campId: ATMEH_CAMP_ID })).toEqual({
      name: 'Atmeh store 2',
      kind: 'camp_store',
      locationId: 'loc-idlib',
      campId: ATMEH_CAMP_ID,
    });
  });

  it('sends nothing while the place is only typed, not chosen', () => {
    expect(sut({ name: 'Idlib', kind: 'warehouse', location: 'Idl', campId: '' })).toBeUndefined();
    expect(sut({ name: 'Idlib', kind: 'warehouse', location: null, campId: '' })).toBeUndefined();
  });
});
