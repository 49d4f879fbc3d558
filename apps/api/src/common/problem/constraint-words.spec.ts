import { describeConstraint } from './constraint-words';

describe('describeConstraint', () => {
  const sut = describeConstraint;

  it('names the missing record and the field for a foreign key, never the constraint', () => {
    expect(sut('23503', 'fk_stock_points_location')).toEqual({ field: 'locationId', detail: 'No location with this id exists in your organisation' });
    expect(sut('23503', 'fk_distributions_stock_point')).toEqual({ field: 'stockPointId', detail: 'No stock point with this id exists in your organisation' });
  });

  it('speaks of a user for the columns that name a person', () => {
    expect(sut('23503', 'fk_convoys_created_by')).toEqual({ field: undefined, detail: 'No user with this id exists in your organisation' });
  });

  it('says "still in use" when a removal is refused', () => {
    expect(sut('23503', 'fk_camps_location', 'Key (id)=(…) is still referenced from table "camps".').detail).toBe('This camp is still in use by other records, so it cannot be removed');
  });

  it('puts a unique key into words', () => {
    expect(sut('23505', 'uq_camps_organisation_name').detail).toBe('A camp with the same name already exists');
    expect(sut('23505', 'uq_items_code').detail).toBe('An item with the same code already exists');
  });

  it('explains the rules a person can break', () => {
    expect(sut('23514', 'chk_stock_levels_quantity')).toEqual({ field: 'quantity', detail: expect.stringContaining('not enough stock') });
  });

  it('still answers in words for a rule it does not know, or no constraint at all', () => {
    expect(sut('23514', 'chk_convoys_purpose').detail).toBe('The values do not fit a rule of the convoy (purpose)');
    expect(sut('23503', undefined).detail).toMatch(/does not exist/);
  });

  it('never repeats a constraint name', () => {
    for (const name of ['fk_stock_points_location', 'uq_camps_organisation_name', 'chk_convoys_purpose', 'fk_unknown_table_thing']) {
      for (const code of ['23503', '23505', '23514']) expect(sut(code, name).detail).not.toContain(name);
    }
  });
});
