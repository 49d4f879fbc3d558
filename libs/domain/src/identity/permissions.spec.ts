import { can, Permission, PERMISSIONS } from './permissions';
import { Role, ROLES } from './roles';

describe('can', () => {
  const expected: Record<Permission, Role[]> = {
    'account.self': ['admin', 'coordinator', 'field', 'manager'],
    'camps.read': ['admin', 'coordinator', 'field', 'manager'],
    'camps.write': ['coordinator'],
    'locations.read': ['admin', 'coordinator', 'field', 'manager'],
    'organisations.read': ['admin', 'coordinator', 'field', 'manager'],
    'stock.read': ['admin', 'coordinator', 'field', 'manager'],
    'stock.write': ['coordinator'],
    'distributions.read': ['admin', 'coordinator', 'field', 'manager'],
    'distributions.write': ['coordinator', 'field'],
    'convoys.read': ['admin', 'coordinator', 'field', 'manager'],
    'convoys.write': ['coordinator'],
    'convoys.report': ['coordinator', 'field'],
    'windows.read': ['admin', 'coordinator', 'field', 'manager'],
    'windows.write': ['coordinator'],
    'incidents.read': ['admin', 'coordinator', 'field', 'manager'],
    'incidents.write': ['coordinator', 'field'],
    'users.manage': ['admin'],
    'tokens.manage': ['admin'],
    'tokens.self': ['admin', 'manager'],
    'audit.read': ['admin', 'manager'],
    'reports.export': ['coordinator', 'manager'],
    'overview.read': ['admin', 'coordinator', 'field', 'manager'],
    'field.kit': ['coordinator', 'field'],
  };

  it('covers every permission in the table', () => {
    expect(Object.keys(PERMISSIONS).sort()).toEqual(Object.keys(expected).sort());
  });

  const cases = (Object.keys(expected) as Permission[]).flatMap((permission) =>
    ROLES.map((role): [Role, Permission, boolean] => [role, permission, expected[permission].includes(role)]),
  );

  it.each(cases)('%s may %s: %s', (role, permission, allowed) => {
    expect(can({ role, permission })).toBe(allowed);
  });

  it('keeps field staff and managers away from user management', () => {
    expect(can({ role: 'field', permission: 'users.manage' })).toBe(false);
    expect(can({ role: 'manager', permission: 'users.manage' })).toBe(false);
  });

  it('keeps managers from writing', () => {
    expect(can({ role: 'manager', permission: 'camps.write' })).toBe(false);
  });

  it('keeps field staff from exports', () => {
    expect(can({ role: 'field', permission: 'reports.export' })).toBe(false);
  });
});
