import { FieldError } from '../common/problem';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

/** Length is what makes a password strong enough here; composition rules only make people write them down. */
export function checkPassword({ password, email }: { password: string; email?: string }): FieldError[] {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return [{ field: 'password', reason: `must be at least ${PASSWORD_MIN_LENGTH} characters` }];
  if (length > PASSWORD_MAX_LENGTH) return [{ field: 'password', reason: `must be at most ${PASSWORD_MAX_LENGTH} characters` }];
  if (email && password.trim().toLowerCase() === email.trim().toLowerCase()) {
    return [{ field: 'password', reason: 'must not be the email address' }];
  }
  return [];
}
