import { FieldError } from '../common/problem';
import { fieldProblem } from '../common/problem-codes';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

/** Length is what makes a password strong enough here; composition rules only make people write them down. */
export function checkPassword({ password, email }: { password: string; email?: string }): FieldError[] {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return [fieldProblem('password', 'field.password_short', { min: PASSWORD_MIN_LENGTH })];
  if (length > PASSWORD_MAX_LENGTH) return [fieldProblem('password', 'field.password_long', { max: PASSWORD_MAX_LENGTH })];
  if (email && password.trim().toLowerCase() === email.trim().toLowerCase()) {
    return [fieldProblem('password', 'field.password_is_email')];
  }
  return [];
}
