export const ROLES = ['admin', 'coordinator', 'field', 'manager'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  admin: 'Administrator',
  coordinator: 'Coordinator',
  field: 'Field staff',
  manager: 'Manager',
};
