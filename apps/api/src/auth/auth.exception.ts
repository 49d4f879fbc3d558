import { fieldProblem } from '@relief-ledger/domain';
import { AppException } from '../common/problem/app-exception.js';

export class AuthException extends AppException {
  static required(): AuthException {
    return new AuthException(401, 'auth.required', 'Sign-in required');
  }

  /** The same answer for an unknown email, a wrong password and a disabled user: no enumeration. */
  static invalidCredentials(): AuthException {
    return new AuthException(401, 'auth.invalid_credentials', 'Sign-in failed');
  }

  static forbidden(): AuthException {
    return new AuthException(403, 'auth.forbidden', 'Not allowed');
  }

  static wrongPassword(): AuthException {
    return new AuthException(401, 'auth.wrong_password', 'Wrong password', undefined, [fieldProblem('currentPassword', 'field.password_wrong')]);
  }

  static throttled(retryAfterSeconds: number): AuthException {
    const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
    const error = new AuthException(
      429,
      'auth.throttled',
      'Too many attempts',
      `Too many failed sign-ins; try again in ${minutes} minute${minutes === 1 ? '' : 's'}`,
      undefined,
      { minutes },
    );
    error.retryAfterSeconds = retryAfterSeconds;
    return error;
  }
}
