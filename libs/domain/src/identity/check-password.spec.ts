import { checkPassword } from './check-password';

describe('checkPassword', () => {
  it('accepts 12 characters', () => {
    expect(checkPassword({ password: 'olive-grove1' })).toEqual([]);
  });

  it('refuses 11 characters', () => {
    expect(checkPassword({ password: 'olive-grove' })).toEqual([{ field: 'password', reason: 'must be at least 12 characters', code: 'field.password_short', params: { min: 12 } }]);
  });

  it('counts characters, not UTF-16 units (Arabic and emoji passwords)', () => {
    expect(checkPassword({ password: 'سرمدا'.repeat(2) + '🙂' })).toMatchObject([{ field: 'password', reason: 'must be at least 12 characters' }]);
  });

  it('refuses the email address as password', () => {
    expect(checkPassword({ password: 'field@hro.example', email: 'Field@HRO.example' })).toEqual([
      { field: 'password', reason: 'must not be the email address', code: 'field.password_is_email' },
    ]);
  });

  it('refuses absurdly long passwords', () => {
    expect(checkPassword({ password: 'x'.repeat(257) })[0].reason).toBe('must be at most 256 characters');
  });
});
